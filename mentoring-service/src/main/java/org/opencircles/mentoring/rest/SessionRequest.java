package org.opencircles.mentoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.service.PairingService;

/** Log a session, optionally flagging a concern. */
public record SessionRequest(
        @NotNull @PastOrPresent(message = "must not be in the future")
        LocalDate heldOn,

        @NotNull @Min(5) @Max(600) Integer minutes,

        @NotNull @Pattern(regexp = "IN_PERSON|VIDEO|PHONE", message = "must be IN_PERSON, VIDEO or PHONE")
        String mode,

        boolean supervised,
        @Size(max = 4000) String notes,
        @Valid ConcernFlag concern) {

    /** "I have a concern", flagged with a session: opens a safeguarding concern about the pairing at once. */
    public record ConcernFlag(
            @NotNull Concern.Category category,
            @NotBlank @Size(max = 8000) String account) {}

    PairingService.LogSession toCommand() {
        return new PairingService.LogSession(
                heldOn,
                minutes,
                mode,
                supervised,
                notes,
                concern == null ? null : new PairingService.ConcernFlag(concern.category(), concern.account()));
    }
}
