package org.opencircles.actions.rest;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.actions.domain.CommitmentKind;

/** "We'll each go home and do one or two practical things": one of them, written down. */
public record CommitmentRequest(
        @NotBlank String clpCode,
        @NotNull CommitmentKind kind,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) String madeAt,
        @NotEmpty @Size(max = 20) List<@NotNull UUID> ownerMemberIds,

        @NotNull @FutureOrPresent(message = "must not be in the past")
        LocalDate dueOn,

        @Positive Long targetPence) {}
