package org.opencircles.events;

import java.time.LocalDate;
import java.util.UUID;

/** Payloads on {@code mentoring-events}. */
public final class MentoringPayloads {
    private MentoringPayloads() {
    }

    /** An adult member became a mentor. */
    public record MentorRegistered(UUID mentorId, UUID memberId, String clpCode, int capacity) {
    }

    /** A youth member enrolled as a mentee and now waits for a mentor. */
    public record MenteeEnrolled(UUID menteeId, UUID memberId, String clpCode, LocalDate enrolledOn)
            implements MenteeJourney {
    }

    /**
     * A mentee left the programme. Version 2: {@code reasonCode} is {@code MEMBER_LAPSED}, {@code MEMBER_RESIGNED}
     * or {@code MEMBER_ERASED} (version 1 carried words).
     */
    public record MenteeWithdrawn(UUID menteeId, UUID memberId, String clpCode, String reasonCode)
            implements MenteeJourney {
    }

    /** A mentor and mentee were paired and the pairing is now active. */
    public record PairingActivated(UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode,
                                   LocalDate startedOn) implements MenteeJourney {
    }

    /** A pairing ended; {@code reason} says why (COMPLETED, MEMBER_LAPSED, MEMBER_ERASED, SAFEGUARDING_EXPIRED, ...). */
    public record PairingEnded(UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode,
                               String reason) implements MenteeJourney {
    }
}
