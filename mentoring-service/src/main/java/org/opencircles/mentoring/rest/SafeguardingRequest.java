package org.opencircles.mentoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.opencircles.mentoring.service.MentorService;

/** Record a new check or training for an existing mentor. */
public record SafeguardingRequest(
        @Valid @NotNull CheckRequest check,

        @PastOrPresent(message = "must not be in the future")
        LocalDate trainingCompletedOn) {

    MentorService.RecordSafeguarding toCommand() {
        return new MentorService.RecordSafeguarding(check.toCheck(), trainingCompletedOn);
    }
}
