package org.opencircles.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.opencircles.events.EventEnvelope;

/** An event written in the same transaction as the state change it describes, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    /**
     * Insertion order, assigned by the database (a sequence default, one value per row) when the row is inserted, so
     * an event written after another committed always comes after it; the relay publishes in this order.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** The Kafka record key: the aggregate id, or the mentee id for a step of a mentee's journey. */
    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    public String aggregateId;

    @Column(nullable = false, updatable = false)
    public String type;

    /** The whole envelope as it will appear on the topic, as written. */
    @Column(nullable = false, updatable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The envelope as written, for the caller; not a column. */
    @Transient
    public EventEnvelope<Record> written;
}
