package org.opencircles.mentoring.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencircles.events.PairingEndReason;
import org.opencircles.mentoring.domain.Pairing;

/** A pairing; why one is suspended is for the safeguarding lead, not here. */
public record PairingView(
        UUID id,
        UUID mentorId,
        UUID menteeId,
        Pairing.Status status,
        String proposedBy,
        Instant proposedAt,
        LocalDate startedOn,
        LocalDate endedOn,
        PairingEndReason endReason) {

    static PairingView of(Pairing p) {
        return new PairingView(
                p.id,
                p.mentorId,
                p.menteeId,
                p.status,
                p.proposedBy,
                p.proposedAt,
                p.startedOn,
                p.endedOn,
                p.endReason);
    }
}
