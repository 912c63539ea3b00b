package org.opencircles.mentoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.mentoring.service.MentorService;

/** Register an adult member as a mentor. */
public record MentorRequest(
        @NotNull UUID memberId,
        @NotEmpty Set<@NotNull Skill> skills,
        @NotNull @Min(1) @Max(10) Integer capacity,
        @Valid @NotNull CheckRequest check,

        @PastOrPresent(message = "must not be in the future")
        LocalDate trainingCompletedOn) {

    MentorService.RegisterMentor toCommand() {
        return new MentorService.RegisterMentor(memberId, skills, capacity, check.toCheck(), trainingCompletedOn);
    }
}
