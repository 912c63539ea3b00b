package org.opencircles.events;

import java.time.Instant;
import java.util.UUID;

/** Payloads on {@code follow-ups}, consumed by notifiers that email or text the assignee. */
public final class FollowUpPayloads {
    private FollowUpPayloads() {
    }

    /**
     * Someone must act. {@code reason} is NEW_MEMBER_NOT_CONTACTED, GUARDIAN_CONSENT_MISSING,
     * INVOLVEMENT_NOT_FOLLOWED_UP, COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, MENTEE_WAITING,
     * PAIRING_ENDED_FOR_SAFEGUARDING or SAFEGUARDING_CONCERN_RAISED; {@code subjectId} is the member, commitment,
     * mentee or concern it is about; {@code assigneeRole} is secretary, organiser, youth-officer or safeguarding-lead
     * of {@code clpCode}.
     */
    public record Due(UUID followUpId, String reason, String subjectType, UUID subjectId, String clpCode,
                      String assigneeRole, Instant dueAt) {
    }

    /** The follow-up is finished: DONE by a person, or RESOLVED because what caused it went away. */
    public record Closed(UUID followUpId, String reason, UUID subjectId, String resolution) {
    }
}
