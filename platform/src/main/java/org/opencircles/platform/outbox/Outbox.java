package org.opencircles.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Records an event in the caller's transaction, so it is published if and only if the state change commits. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Writes {@code payload} to the outbox under the event type that carries it; returns the envelope written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope<Record> publish(Record payload, Object aggregateId) {
        EventType type = EventType.of(payload);
        Instant now = clock.instant();
        EventEnvelope<Record> envelope = new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.version(), now,
                type.aggregateType(), aggregateId.toString(), payload);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = type.topic();
        row.aggregateId = envelope.aggregateId();
        row.type = type.wireName();
        row.createdAt = now;
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            // A record that cannot be written as JSON is a programming error, not bad input.
            throw new IllegalStateException("Cannot serialise " + type.wireName(), e);
        }
        row.persist();
        return envelope;
    }
}
