package org.opencircles.actions.rest;

import java.time.Instant;
import java.util.UUID;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.events.FollowUpReason;

/** A follow-up as listed to staff and the notifier. */
public record FollowUpView(
        UUID id,
        FollowUpReason reason,
        String subjectType,
        UUID subjectId,
        String clpCode,
        String assigneeRole,
        Instant dueAt,
        FollowUp.Status status,
        Instant openedAt,
        Instant closedAt,
        String closedBy,
        String note) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(
                f.id,
                f.reason,
                f.subjectType,
                f.subjectId,
                f.clpCode,
                f.assigneeRole,
                f.dueAt,
                f.status,
                f.openedAt,
                f.closedAt,
                f.closedBy,
                f.note);
    }
}
