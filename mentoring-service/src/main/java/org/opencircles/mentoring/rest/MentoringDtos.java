package org.opencircles.mentoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencircles.mentoring.domain.CheckLevel;
import org.opencircles.mentoring.domain.Cohort;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.domain.Mentee;
import org.opencircles.mentoring.domain.Mentor;
import org.opencircles.mentoring.domain.MentoringSession;
import org.opencircles.mentoring.domain.Pairing;
import org.opencircles.mentoring.domain.Skill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of mentoring-service. */
public final class MentoringDtos {
    private MentoringDtos() {
    }

    /** A recorded DBS check. */
    public record SafeguardingCheck(
            @NotNull CheckLevel level,
            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be letters, digits or dashes")
            String reference,
            @PastOrPresent(message = "must not be in the future") LocalDate issuedOn,
            LocalDate expiresOn) {
    }

    /** Register an adult member as a mentor. */
    public record MentorRequest(@NotNull UUID memberId, @NotEmpty Set<@NotNull Skill> skills,
                                @NotNull @Min(1) @Max(10) Integer capacity, @Valid @NotNull SafeguardingCheck check,
                                @PastOrPresent(message = "must not be in the future") LocalDate trainingCompletedOn) {
    }

    /** Record a new check or training for an existing mentor. */
    public record SafeguardingUpdate(@Valid @NotNull SafeguardingCheck check,
                                     @PastOrPresent(message = "must not be in the future") LocalDate trainingCompletedOn) {
    }

    /** Enrol a youth member as a mentee. */
    public record MenteeRequest(@NotNull UUID memberId, @NotEmpty Set<@NotNull Skill> goals, UUID cohortId) {
    }

    /** A new leadership-programme cohort. */
    public record CohortRequest(@NotBlank @Size(max = 100) String name, @NotBlank String clpCode,
                                @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, Set<@NotNull Skill> focus) {
    }

    /** Propose a pairing. */
    public record PairingRequest(@NotNull UUID mentorId, @NotNull UUID menteeId) {
    }

    /** Start a proposed pairing; {@code startOn} defaults to today. */
    public record ActivateRequest(@FutureOrPresent(message = "must not be in the past") LocalDate startOn) {
    }

    /** End a pairing. */
    public record EndRequest(@NotNull Pairing.EndReason reason) {
    }

    /** Log a session. */
    public record SessionRequest(@NotNull @PastOrPresent(message = "must not be in the future") LocalDate heldOn,
                                 @NotNull @Min(5) @Max(600) Integer minutes,
                                 @NotNull @Pattern(regexp = "IN_PERSON|VIDEO|PHONE",
                                         message = "must be IN_PERSON, VIDEO or PHONE") String mode,
                                 boolean supervised, @Size(max = 4000) String notes,
                                 @Valid ConcernFlag concern) {
    }

    /** "I have a concern", flagged with a session: opens a safeguarding concern about the pairing at once. */
    public record ConcernFlag(@NotNull Concern.Category category,
                              @NotBlank @Size(max = 8000) String account) {
    }

    /** A mentor as staff see them; the check reference is shown to youth officers only. */
    public record MentorView(UUID id, UUID memberId, String clpCode, List<String> skills, int capacity,
                             long livePairings, CheckLevel checkLevel, String checkReference, LocalDate checkIssuedOn,
                             LocalDate checkExpiresOn, LocalDate trainingCompletedOn, boolean mayMentorMinorsToday,
                             Mentor.Status status) {
    }

    /** A mentee: ids and goals, never contact details (minors' details stay in members-service). */
    public record MenteeView(UUID id, UUID memberId, String clpCode, List<String> goals, Mentee.Status status,
                             UUID cohortId, Instant enrolledAt, Boolean minorToday) {
    }

    /** A pairing. */
    public record PairingView(UUID id, UUID mentorId, UUID menteeId, Pairing.Status status, String proposedBy,
                              Instant proposedAt, LocalDate startedOn, LocalDate endedOn, Pairing.EndReason endReason) {
        public static PairingView of(Pairing p) {
            return new PairingView(p.id, p.mentorId, p.menteeId, p.status, p.proposedBy, p.proposedAt, p.startedOn,
                    p.endedOn, p.endReason);
        }
    }

    /** A logged session. */
    public record SessionView(UUID id, UUID pairingId, LocalDate heldOn, int minutes, String mode, boolean supervised,
                              String notes, String loggedBy, UUID concernId) {
        public static SessionView of(MentoringSession s) {
            return new SessionView(s.id, s.pairingId, s.heldOn, s.minutes, s.mode, s.supervised, s.notes, s.loggedBy,
                    s.concernId);
        }
    }

    /** A cohort. */
    public record CohortView(UUID id, String name, String clpCode, LocalDate startsOn, LocalDate endsOn,
                             List<String> focus, long mentees) {
        public static CohortView of(Cohort c, long mentees) {
            return new CohortView(c.id, c.name, c.clpCode, c.startsOn, c.endsOn, List.copyOf(c.focus), mentees);
        }
    }

    /** A mentor suggested for a mentee, and why. */
    public record Suggestion(UUID mentorId, String clpCode, boolean sameClp, List<String> sharedSkills,
                             int capacityLeft, int score) {
    }
}
