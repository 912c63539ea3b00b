package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotNull;
import org.opencircles.events.PairingEndReason;

/** End a pairing, saying why. */
public record EndRequest(@NotNull PairingEndReason reason) {}
