package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencircles.notifier.domain.Email;

/**
 * Records that an email is to be sent, under its idempotency key, in the caller's transaction: the first record of a
 * key wins, so a redelivered event, a second replica or a second digest pass records nothing new.
 */
@ApplicationScoped
public class EmailIntents {

    @Inject
    EntityManager em;

    /** Records the email unless one with its key exists; returns its id if this call recorded it. */
    public Optional<UUID> record(
            Email.Kind kind,
            String key,
            UUID subscriptionId,
            String recipient,
            String subject,
            String body,
            UUID followUpId,
            Instant notBefore,
            Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into email (id, idempotency_key, kind, subscription_id, recipient, subject, body,
                                           follow_up_id, status, attempts, not_before, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', 0, ?9, ?10)
                        on conflict (idempotency_key) do nothing""")
                .setParameter(1, id)
                .setParameter(2, key)
                .setParameter(3, kind.name())
                .setParameter(4, subscriptionId)
                .setParameter(5, recipient)
                .setParameter(6, subject)
                .setParameter(7, body)
                .setParameter(8, followUpId)
                .setParameter(9, notBefore)
                .setParameter(10, now)
                .executeUpdate();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }
}
