package org.opencircles.actions.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.actions.domain.Commitment;
import org.opencircles.actions.domain.CommitmentKind;
import org.opencircles.actions.domain.CommitmentStatus;
import org.opencircles.actions.domain.CommitmentUpdate;

/** A commitment with its progress trail. */
public record CommitmentView(
        UUID id,
        String clpCode,
        CommitmentKind kind,
        String title,
        String description,
        String madeAt,
        List<UUID> ownerMemberIds,
        LocalDate dueOn,
        CommitmentStatus status,
        boolean overdue,
        int percentComplete,
        Long targetPence,
        long raisedPence,
        LocalDate completedOn,
        String createdBy,
        Instant createdAt,
        long version,
        List<Update> updates) {

    /** One progress report. */
    public record Update(
            CommitmentStatus status,
            int percentComplete,
            long raisedPence,
            String note,
            String updatedBy,
            Instant updatedAt) {
        static Update of(CommitmentUpdate u) {
            return new Update(u.status, u.percentComplete, u.raisedPence, u.note, u.updatedBy, u.updatedAt);
        }
    }

    public static CommitmentView of(Commitment c, LocalDate today, List<CommitmentUpdate> updates) {
        return new CommitmentView(
                c.id,
                c.clpCode,
                c.kind,
                c.title,
                c.description,
                c.madeAt,
                List.copyOf(c.ownerMemberIds),
                c.dueOn,
                c.status,
                c.isOverdueOn(today),
                c.percentComplete,
                c.targetPence,
                c.raisedPence,
                c.completedOn,
                c.createdBy,
                c.createdAt,
                c.version,
                updates.stream().map(Update::of).toList());
    }
}
