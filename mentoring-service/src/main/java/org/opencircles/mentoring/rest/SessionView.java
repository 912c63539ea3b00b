package org.opencircles.mentoring.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.opencircles.mentoring.domain.MentoringSession;

/** A logged session. */
public record SessionView(
        UUID id,
        UUID pairingId,
        LocalDate heldOn,
        int minutes,
        String mode,
        boolean supervised,
        String notes,
        String loggedBy,
        UUID concernId) {

    static SessionView of(MentoringSession s) {
        return new SessionView(
                s.id, s.pairingId, s.heldOn, s.minutes, s.mode, s.supervised, s.notes, s.loggedBy, s.concernId);
    }
}
