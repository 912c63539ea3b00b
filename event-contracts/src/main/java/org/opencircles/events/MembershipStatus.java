package org.opencircles.events;

import java.util.Set;

/**
 * Where a member stands with the party; lapsed members (in arrears) and resigned members can rejoin. The names are
 * the {@code status} values of member events, so every service compares against these, never string literals.
 */
public enum MembershipStatus {
    ACTIVE,
    LAPSED,
    RESIGNED;

    /** The statuses this one may move to. */
    public Set<MembershipStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(LAPSED, RESIGNED);
            case LAPSED -> Set.of(ACTIVE, RESIGNED);
            case RESIGNED -> Set.of(ACTIVE);
        };
    }
}
