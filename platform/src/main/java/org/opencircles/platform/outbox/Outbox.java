package org.opencircles.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;
import org.opencircles.platform.bulk.BulkInsert;
import org.opencircles.platform.id.TimeOrderedIds;

/** Records an event in the caller's transaction, so it is published if and only if the state change commits. */
@ApplicationScoped
public class Outbox {

    /** Key of the per-transaction marker that the relay is already due a wake-up after this commit. */
    private static final Object NUDGE_REGISTERED = new Object();

    private final ObjectMapper mapper;
    private final Clock clock;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    private static final List<String> COLUMNS =
            List.of("event_id", "message_key", "topic", "aggregate_id", "type", "envelope", "created_at");

    private final BulkInsert bulk;

    public Outbox(
            ObjectMapper mapper,
            Clock clock,
            OutboxRelay relay,
            TransactionSynchronizationRegistry transactions,
            BulkInsert bulk) {
        this.bulk = bulk;
        this.mapper = mapper;
        this.clock = clock;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Writes {@code payload} to the outbox under the event type that carries it; returns the envelope written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope<Record> publish(Record payload, Object aggregateId) {
        OutboxEvent row = row(payload, aggregateId);
        row.persist();
        wakeRelayAfterCommit();
        return row.written;
    }

    /** One event for each aggregate, written with one COPY: for imports, where a chunk adds thousands of members. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P extends Record> void publishAll(List<P> payloads, Function<P, Object> aggregateId) {
        List<List<Object>> rows = new ArrayList<>(payloads.size());
        for (P payload : payloads) {
            OutboxEvent row = row(payload, aggregateId.apply(payload));
            rows.add(Arrays.asList(
                    row.eventId, row.messageKey, row.topic, row.aggregateId, row.type, row.envelope, row.createdAt));
        }
        // seq comes from its sequence default, row by row in this order, as for rows written one at a time.
        bulk.rows("outbox_event", COLUMNS, rows);
        if (!rows.isEmpty()) {
            wakeRelayAfterCommit();
        }
    }

    private OutboxEvent row(Record payload, Object aggregateId) {
        EventType type = EventType.of(payload);
        Instant now = clock.instant();
        EventEnvelope<Record> envelope = new EventEnvelope<>(
                TimeOrderedIds.at(now),
                type.wireName(),
                type.version(),
                now,
                type.aggregateType(),
                aggregateId.toString(),
                payload);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = type.topic();
        row.aggregateId = envelope.aggregateId();
        row.messageKey = EventType.messageKey(payload, envelope.aggregateId());
        row.type = type.wireName();
        row.createdAt = now;
        row.written = envelope;
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            // A record that cannot be written as JSON is a programming error, not bad input.
            throw new IllegalStateException("Cannot serialise " + type.wireName(), e);
        }
        return row;
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
