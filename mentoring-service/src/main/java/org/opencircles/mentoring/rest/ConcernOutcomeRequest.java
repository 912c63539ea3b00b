package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencircles.mentoring.domain.Concern;
import org.opencircles.mentoring.service.ConcernService;

/** The safeguarding lead's outcome, and what happens to the pairings the concern suspended. */
public record ConcernOutcomeRequest(
        @NotNull Concern.Outcome outcome,
        ConcernService.PairingDecision pairings,
        @Size(max = 8000) String note) {}
