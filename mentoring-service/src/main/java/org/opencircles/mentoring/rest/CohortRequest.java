package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.mentoring.service.CohortService;

/** A new leadership-programme cohort. */
public record CohortRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank String clpCode,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        Set<@NotNull Skill> focus) {

    CohortService.CreateCohort toCommand() {
        return new CohortService.CreateCohort(name, clpCode, startsOn, endsOn, focus);
    }
}
