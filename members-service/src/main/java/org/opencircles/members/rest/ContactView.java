package org.opencircles.members.rest;

import java.time.Instant;
import java.util.UUID;
import org.opencircles.members.domain.ContactKind;
import org.opencircles.members.domain.ContactLogEntry;

/** A logged contact. */
public record ContactView(UUID id, UUID memberId, ContactKind kind, String notes, String loggedBy, Instant loggedAt) {

    public static ContactView of(ContactLogEntry e) {
        return new ContactView(e.id, e.memberId, e.kind, e.notes, e.loggedBy, e.loggedAt);
    }
}
