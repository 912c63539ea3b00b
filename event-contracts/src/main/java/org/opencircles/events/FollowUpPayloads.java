package org.opencircles.events;

import java.time.Instant;
import java.util.UUID;

/** Payloads on {@code follow-ups}, consumed by notifiers that email or text the assignee. */
public final class FollowUpPayloads {
    private FollowUpPayloads() {}

    /**
     * Someone must act. {@code reason} is a {@link FollowUpReason} name (a reader meeting one it does not know
     * treats it as a follow-up with no sentence of its own); {@code subjectId} is the member, commitment,
     * mentee or concern it is about; {@code assigneeRole} is secretary, organiser, youth-officer or safeguarding-lead
     * of {@code clpCode}.
     */
    public record Due(
            UUID followUpId,
            String reason,
            String subjectType,
            UUID subjectId,
            String clpCode,
            String assigneeRole,
            Instant dueAt) {}

    /** The follow-up is finished: DONE by a person, or RESOLVED because what caused it went away. */
    public record Closed(UUID followUpId, String reason, UUID subjectId, String resolution) {}
}
