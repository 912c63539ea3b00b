package org.opencircles.members.domain;

import java.util.Set;

/** Where a member stands with the party; lapsed members (in arrears) and resigned members can rejoin. */
public enum MembershipStatus {
    ACTIVE, LAPSED, RESIGNED;

    /** The statuses this one may move to. */
    public Set<MembershipStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(LAPSED, RESIGNED);
            case LAPSED -> Set.of(ACTIVE, RESIGNED);
            case RESIGNED -> Set.of(ACTIVE);
        };
    }
}
