package org.opencircles.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What happened when a volunteer tried a member on a call list (an outcome code, checked by the resource). */
public record CallListOutcomeRequest(
        @NotBlank String outcome, @Size(max = 2000) String note) {}
