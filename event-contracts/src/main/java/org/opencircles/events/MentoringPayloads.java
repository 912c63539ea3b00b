package org.opencircles.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payloads on {@code mentoring-events}. */
public final class MentoringPayloads {
    private MentoringPayloads() {}

    /** An adult member became a mentor. */
    public record MentorRegistered(UUID mentorId, UUID memberId, String clpCode, int capacity) {}

    /** A youth member enrolled as a mentee and now waits for a mentor. */
    public record MenteeEnrolled(UUID menteeId, UUID memberId, String clpCode, LocalDate enrolledOn)
            implements MenteeJourney {}

    /**
     * A mentee left the programme. Version 2: {@code reasonCode} is {@code MEMBER_LAPSED}, {@code MEMBER_RESIGNED}
     * or {@code MEMBER_ERASED} (version 1 carried words).
     */
    public record MenteeWithdrawn(UUID menteeId, UUID memberId, String clpCode, String reasonCode)
            implements MenteeJourney {}

    /** A mentor and mentee were paired and the pairing is now active. */
    public record PairingActivated(
            UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode, LocalDate startedOn)
            implements MenteeJourney {}

    /**
     * A pairing ended; {@code reason} is a {@link PairingEndReason} name (a reader meeting one it does not know
     * treats it as ending the pairing and nothing more).
     */
    public record PairingEnded(
            UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode, String reason)
            implements MenteeJourney {}

    /**
     * A safeguarding concern was raised about a mentee, a mentor or a pairing. Codes and ids only: what was seen or
     * heard stays in mentoring-service. {@code subjectType} is MENTEE, MENTOR or PAIRING; {@code category} ONLINE_HARM,
     * MENTOR_CONDUCT, WELLBEING, DISCLOSURE or OTHER; {@code suspendedPairingIds} the pairings suspended at once.
     */
    public record ConcernRaised(
            UUID concernId,
            String clpCode,
            String subjectType,
            UUID subjectId,
            String category,
            List<UUID> suspendedPairingIds) {}

    /**
     * The designated safeguarding lead recorded the concern's outcome: NO_FURTHER_ACTION, ADVICE_GIVEN,
     * REFERRED_TO_LADO, REFERRED_TO_POLICE or MENTOR_BARRED. The concern is closed.
     */
    public record ConcernOutcomeRecorded(UUID concernId, String clpCode, String outcome) {}

    /** A pairing was suspended because of a safeguarding concern: no sessions until it is reinstated or ended. */
    public record PairingSuspended(
            UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode, UUID concernId)
            implements MenteeJourney {}

    /** The safeguarding lead reinstated a suspended pairing: it is active again. */
    public record PairingReinstated(
            UUID pairingId, UUID mentorId, UUID menteeId, UUID menteeMemberId, String clpCode, UUID concernId)
            implements MenteeJourney {}
}
