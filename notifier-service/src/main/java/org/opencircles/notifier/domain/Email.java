package org.opencircles.notifier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An email the notifier means to send, recorded with its idempotency key before any attempt, so that redelivered
 * events, restarts and replicas agree there is one email per key; its status is the sent log.
 */
@Entity
@Table(name = "email")
public class Email extends PanacheEntityBase {

    /** What the email is: one follow-up at once, or the morning digest. */
    public enum Kind {
        IMMEDIATE,
        DIGEST
    }

    /** Where the email is in its life. */
    public enum Status {
        /** Waiting to be sent (from {@code notBefore}: quiet hours, or backing off after a transient failure). */
        PENDING,
        /** Claimed by a sender that is sending it now. */
        SENDING,
        SENT,
        /** The mail server refused it permanently (a 5xx reply): recorded and shown, not retried. */
        REFUSED,
        /** A sender claimed it and never recorded the outcome: it may or may not have gone; not resent on its own. */
        UNCERTAIN,
        /** Its follow-up closed before it could be sent. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    public String recipient;

    public String subject;

    public String body;

    @Column(name = "follow_up_id")
    public UUID followUpId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The key of the one immediate email to {@code subscription} about {@code followUp}. */
    public static String immediateKey(UUID followUp, UUID subscription) {
        return "immediate:" + followUp + ":" + subscription;
    }

    /** The key of {@code subscription}'s digest for one local day. */
    public static String digestKey(UUID subscription, LocalDate day) {
        return "digest:" + subscription + ":" + day;
    }
}
