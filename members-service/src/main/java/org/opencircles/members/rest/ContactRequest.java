package org.opencircles.members.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.opencircles.members.domain.ContactKind;

/** A contact to log; {@code at} defaults to now. */
public record ContactRequest(
        @NotNull ContactKind kind,
        @Size(max = 2000) String notes,

        @PastOrPresent(message = "must not be in the future")
        Instant at) {}
