package org.opencircles.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Records an event in the caller's transaction, so it is published if and only if the state change commits. */
@ApplicationScoped
public class Outbox {

    /** Key of the per-transaction marker that the relay is already due a wake-up after this commit. */
    private static final Object NUDGE_REGISTERED = new Object();

    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(ObjectMapper mapper, Clock clock, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.mapper = mapper;
        this.clock = clock;
        this.relay = relay;
        this.transactions = transactions;
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
        row.messageKey = EventType.messageKey(payload, envelope.aggregateId());
        row.type = type.wireName();
        row.createdAt = now;
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            // A record that cannot be written as JSON is a programming error, not bad input.
            throw new IllegalStateException("Cannot serialise " + type.wireName(), e);
        }
        row.persist();
        wakeRelayAfterCommit();
        return envelope;
    }

    /** Once per transaction, however many events it writes: publish right after commit instead of at the next poll. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(NUDGE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(NUDGE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the commit: the rows are already written.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
