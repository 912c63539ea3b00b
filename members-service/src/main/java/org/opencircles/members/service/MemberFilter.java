package org.opencircles.members.service;

import org.opencircles.members.domain.AgeBand;
import org.opencircles.events.MembershipStatus;

/**
 * What an organiser or secretary narrows a member list by; null fields do not filter. {@code query} searches name,
 * membership number, email, phone and postcode, forgiving accents, case and small typos.
 */
public record MemberFilter(String clpCode, String wardCode, MembershipStatus status, AgeBand ageBand,
                           String interest, Integer notContactedForDays, String query) {

    /** This filter without its search query. */
    public MemberFilter withoutQuery() {
        return new MemberFilter(clpCode, wardCode, status, ageBand, interest, notContactedForDays, null);
    }

    /** The same filter without a search query. */
    public MemberFilter(String clpCode, String wardCode, MembershipStatus status, AgeBand ageBand, String interest,
                        Integer notContactedForDays) {
        this(clpCode, wardCode, status, ageBand, interest, notContactedForDays, null);
    }
}
