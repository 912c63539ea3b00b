package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotNull;
import org.opencircles.mentoring.service.PairingService;

import java.util.UUID;

/** Propose a pairing. */
public record PairingRequest(@NotNull UUID mentorId, @NotNull UUID menteeId) {

    PairingService.ProposePairing toCommand() {
        return new PairingService.ProposePairing(mentorId, menteeId);
    }
}
