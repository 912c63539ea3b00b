package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.FutureOrPresent;
import java.time.LocalDate;

/** Start a proposed pairing; {@code startOn} defaults to today. */
public record ActivateRequest(
        @FutureOrPresent(message = "must not be in the past")
        LocalDate startOn) {}
