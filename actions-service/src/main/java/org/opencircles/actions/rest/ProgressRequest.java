package org.opencircles.actions.rest;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opencircles.actions.domain.CommitmentStatus;

/** A progress report: any of status, percentage, money raised (fundraising), a new due date, and a note. */
public record ProgressRequest(
        CommitmentStatus status,
        @Min(0) @Max(100) Integer percentComplete,
        @PositiveOrZero Long raisedPence,

        @FutureOrPresent(message = "must not be in the past")
        LocalDate dueOn,

        @Size(max = 2000) String note) {}
