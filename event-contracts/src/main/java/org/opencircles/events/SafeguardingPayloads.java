package org.opencircles.events;

/** Payloads on {@code safeguarding-cover}: which CLPs have a safeguarding lead of their own. CLP codes only. */
public final class SafeguardingPayloads {
    private SafeguardingPayloads() {}

    /**
     * Whether a CLP's safeguarding concerns reach a lead of its own, and if not who hears of them instead:
     * {@code fallback} is {@code NATIONAL_LEAD}, {@code DATA_PROTECTION} or {@code NOBODY} (null when it has its own
     * lead). Published by notifier-service, which routes the emails, whenever that changes; keyed by CLP code.
     */
    public record CoverChanged(String clpCode, boolean ownLead, String fallback) {}
}
