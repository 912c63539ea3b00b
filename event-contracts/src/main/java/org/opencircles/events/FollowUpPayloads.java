package org.opencircles.events;

import java.time.Instant;
import java.util.UUID;

/** Payloads on {@code follow-ups}, consumed by notifiers that email or text the assignee. */
public final class FollowUpPayloads {
    private FollowUpPayloads() {
    }

    /**
     * Someone must act. {@code reason} is NEW_MEMBER_NOT_CONTACTED, COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE or
     * MENTEE_WAITING; {@code subjectId} is the member, commitment or mentee it is about; {@code assigneeRole} is
     * secretary, organiser or youth-officer of {@code clpCode}.
     */
    public record Due(UUID followUpId, String reason, String subjectType, UUID subjectId, String clpCode,
                      String assigneeRole, Instant dueAt) {
    }

    /** The follow-up is finished: DONE by a person, or RESOLVED because what caused it went away. */
    public record Closed(UUID followUpId, String reason, UUID subjectId, String resolution) {
    }
}
