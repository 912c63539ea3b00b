package org.opencircles.platform.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

/**
 * Reads messages as events and remembers, per consumer, which events were applied: the processed-event rows are
 * written in the caller's transaction, so the effect and the "seen" mark commit or roll back together.
 * Reading is tolerant (unknown fields are ignored, as additive changes keep the version) but checks the version.
 */
@ApplicationScoped
public class Inbox {

    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {};

    private final ObjectReader envelopes;
    private final ObjectMapper payloads;
    private final EntityManager em;
    private final Clock clock;

    public Inbox(ObjectMapper mapper, EntityManager em, Clock clock) {
        // REST input stays strict; events are read by a copy that lets newer producers add fields.
        this.payloads = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.envelopes = payloads.readerFor(ENVELOPE);
        this.em = em;
        this.clock = clock;
    }

    /**
     * The event in a message, or empty when its type is unknown to this build (a type added by a newer producer is
     * skipped, not dead-lettered). Touches no database.
     *
     * @throws PoisonMessageException when the message can never be processed, with the reason
     */
    public Optional<ReceivedEvent> read(String message) {
        if (message == null) {
            throw new PoisonMessageException("The message has no value", null);
        }
        EventEnvelope<JsonNode> envelope;
        try {
            envelope = envelopes.readValue(message);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Not an event envelope: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Not an event envelope", e);
        }
        if (envelope == null
                || envelope.eventId() == null
                || envelope.type() == null
                || envelope.payload() == null
                || !envelope.payload().isObject()) {
            throw new PoisonMessageException("The envelope lacks eventId, type or payload", null);
        }
        Optional<EventType> type = EventType.fromWireName(envelope.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int known = type.get().version();
        if (envelope.version() > known || envelope.version() < 1) {
            throw new PoisonMessageException(
                    envelope.type() + " version " + envelope.version()
                            + " is not one this reader knows (it reads up to version " + known + ")",
                    null);
        }
        Record payload;
        try {
            payload = payloads.treeToValue(envelope.payload(), type.get().payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("The payload does not match " + envelope.type() + " v" + known, e);
        }
        return Optional.of(new ReceivedEvent(envelope, type.get(), payload));
    }

    /** The type a message names, for counting messages of types this build does not know; null if it names none. */
    public String wireType(String message) {
        try {
            JsonNode type = payloads.readTree(message).path("type");
            return type.isTextual() ? type.asText() : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Marks the events as processed by {@code consumer} and returns the ids seen for the first time: only those are
     * to be applied. One statement for the whole batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstSeen(String consumer, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = events.stream().map(e -> e.envelope().eventId()).toArray(UUID[]::new);
        String[] types = events.stream().map(e -> e.envelope().type()).toArray(String[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Array idArray = connection.createArrayOf("uuid", ids);
            Array typeArray = connection.createArrayOf("text", types);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (event_id, consumer, type, processed_at)
                    select id, ?, type, ? from unnest(?, ?) as batch (id, type)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setTimestamp(2, now);
                insert.setArray(3, idArray);
                insert.setArray(4, typeArray);
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
                return fresh;
            } finally {
                idArray.free();
                typeArray.free();
            }
        });
    }
}
