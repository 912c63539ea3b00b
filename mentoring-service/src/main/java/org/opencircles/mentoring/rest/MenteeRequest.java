package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.mentoring.service.MenteeService;

/** Enrol a youth member as a mentee. */
public record MenteeRequest(
        @NotNull UUID memberId, @NotEmpty Set<@NotNull Skill> goals, UUID cohortId) {

    MenteeService.Enrol toCommand() {
        return new MenteeService.Enrol(memberId, goals, cohortId);
    }
}
