package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opencircles.mentoring.domain.CheckLevel;
import org.opencircles.mentoring.service.MentorService;

/** A recorded DBS check as a youth officer enters it. */
public record CheckRequest(
        @NotNull CheckLevel level,

        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be letters, digits or dashes")
        String reference,

        @PastOrPresent(message = "must not be in the future")
        LocalDate issuedOn,

        LocalDate expiresOn) {

    MentorService.Check toCheck() {
        return new MentorService.Check(level, reference, issuedOn, expiresOn);
    }
}
