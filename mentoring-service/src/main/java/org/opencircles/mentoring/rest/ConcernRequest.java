package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.opencircles.mentoring.domain.Concern;

/** A safeguarding concern as raised: about whom, what kind, what was seen or heard, and when. */
public record ConcernRequest(
        @NotNull Concern.SubjectType subjectType,
        @NotNull UUID subjectId,
        @NotNull Concern.Category category,
        @NotBlank @Size(max = 8000) String account,
        @NotNull LocalDate occurredOn) {}
