package org.opencircles.mentoring.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.opencircles.mentoring.service.PairingService;

/** Propose a pairing. */
public record PairingRequest(
        @NotNull UUID mentorId, @NotNull UUID menteeId) {

    PairingService.ProposePairing toCommand() {
        return new PairingService.ProposePairing(mentorId, menteeId);
    }
}
