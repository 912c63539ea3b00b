package org.opencircles.members.service;

import org.opencircles.events.MembershipStatus;
import org.opencircles.members.domain.AgeBand;

/**
 * What an organiser or secretary narrows a member list by; null fields do not filter. {@code query} searches name,
 * membership number, email, phone and postcode, forgiving accents, case and small typos.
 */
public record MemberFilter(
        String clpCode,
        String wardCode,
        MembershipStatus status,
        AgeBand ageBand,
        String interest,
        Integer notContactedForDays,
        String query) {

    /** This filter without its search query. */
    public MemberFilter withoutQuery() {
        return new MemberFilter(clpCode, wardCode, status, ageBand, interest, notContactedForDays, null);
    }

    /** Whether it narrows by anything the search table does not hold (only the CLP and the query are there). */
    public boolean narrowsBeyondClp() {
        return wardCode != null || status != null || ageBand != null || interest != null || notContactedForDays != null;
    }

    /** The same filter without a search query. */
    public MemberFilter(
            String clpCode,
            String wardCode,
            MembershipStatus status,
            AgeBand ageBand,
            String interest,
            Integer notContactedForDays) {
        this(clpCode, wardCode, status, ageBand, interest, notContactedForDays, null);
    }
}
