package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.opencircles.mentoring.domain.Skill;
import org.opencircles.mentoring.service.MenteeService;

import java.util.Set;
import java.util.UUID;

/** Enrol a youth member as a mentee. */
public record MenteeRequest(@NotNull UUID memberId, @NotEmpty Set<@NotNull Skill> goals, UUID cohortId) {

    MenteeService.Enrol toCommand() {
        return new MenteeService.Enrol(memberId, goals, cohortId);
    }
}
