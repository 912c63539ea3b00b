package org.opencircles.notifier.rest;

import java.time.Instant;
import java.util.UUID;
import org.opencircles.notifier.domain.Email;

/** An email in the sent log: to whom, what, and where it is (sent, waiting, refused, uncertain, cancelled). */
public record EmailView(
        UUID id,
        Email.Kind kind,
        String recipient,
        String subject,
        UUID followUpId,
        Email.Status status,
        int attempts,
        Instant notBefore,
        Instant createdAt,
        Instant sentAt,
        String lastError,
        String body) {

    static EmailView of(Email e) {
        return new EmailView(
                e.id,
                e.kind,
                e.recipient,
                e.subject,
                e.followUpId,
                e.status,
                e.attempts,
                e.notBefore,
                e.createdAt,
                e.sentAt,
                e.lastError,
                e.body);
    }
}
