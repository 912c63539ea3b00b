package org.opencircles.actions.domain;

import java.util.List;
import java.util.Set;

/** A commitment's progress; DONE and DROPPED are final. */
public enum CommitmentStatus {
    COMMITTED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** The statuses of a commitment still to be done. */
    public static final List<CommitmentStatus> OPEN = List.of(COMMITTED, IN_PROGRESS);

    public Set<CommitmentStatus> next() {
        return switch (this) {
            case COMMITTED -> Set.of(IN_PROGRESS, DONE, DROPPED);
            case IN_PROGRESS -> Set.of(DONE, DROPPED);
            case DONE, DROPPED -> Set.of();
        };
    }

    public boolean isOpen() {
        return this == COMMITTED || this == IN_PROGRESS;
    }
}
