package org.opencircles.notifier.domain;

import java.util.List;

/**
 * Who is emailed at once about an immediate follow-up. Everyone subscribed to its assignee role in its CLP; for a
 * safeguarding concern, the leads who name that CLP, else (no lead covers it) the national leads (subscribed for
 * every CLP), else the data protection officer: never nobody while any of them is subscribed, and the gap is shown
 * (metric, alert, {@code /safeguarding/uncovered-clps}) so that someone gives the CLP a lead.
 */
public record ImmediateRoute(Via via, List<Subscription> to) {

    /** Why these people: their own role and CLP, or a fallback for a CLP that no safeguarding lead covers. */
    public enum Via {
        ROLE("your role"),
        NATIONAL_LEAD("the national safeguarding lead, as no safeguarding lead covers this CLP"),
        DATA_PROTECTION("the data protection officer, as no safeguarding lead (local or national) covers this CLP"),
        NOBODY("nobody");

        public final String words;

        Via(String words) {
            this.words = words;
        }

        public boolean fallback() {
            return this == NATIONAL_LEAD || this == DATA_PROTECTION;
        }
    }

    /**
     * @param ofRole         subscriptions of the follow-up's assignee role (any CLPs)
     * @param dataProtection subscriptions of the data protection officer (any CLPs)
     */
    public static ImmediateRoute of(FollowUp followUp, List<Subscription> ofRole, List<Subscription> dataProtection) {
        List<Subscription> covering =
                ofRole.stream().filter(s -> s.coversClp(followUp.clpCode)).toList();
        if (followUp.knownReason() == null || !followUp.knownReason().safeguardingLeadOnly()) {
            return new ImmediateRoute(covering.isEmpty() ? Via.NOBODY : Via.ROLE, covering);
        }
        List<Subscription> local =
                covering.stream().filter(s -> s.namesClp(followUp.clpCode)).toList();
        if (!local.isEmpty()) {
            return new ImmediateRoute(Via.ROLE, local);
        }
        if (!covering.isEmpty()) {
            return new ImmediateRoute(Via.NATIONAL_LEAD, covering);
        }
        List<Subscription> dpo = dataProtection.stream()
                .filter(s -> s.coversClp(followUp.clpCode))
                .toList();
        return dpo.isEmpty() ? new ImmediateRoute(Via.NOBODY, List.of()) : new ImmediateRoute(Via.DATA_PROTECTION, dpo);
    }
}
