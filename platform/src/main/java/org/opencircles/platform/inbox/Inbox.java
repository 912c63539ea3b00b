package org.opencircles.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

import java.time.Clock;
import java.util.Optional;

/**
 * Turns a raw message into a typed event exactly once per consumer: the processed-event row is written in the
 * caller's transaction, so the effect and the "seen" mark commit or roll back together.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Clock clock;

    public Inbox(ObjectMapper mapper, EntityManager em, Clock clock) {
        this.mapper = mapper;
        this.em = em;
        this.clock = clock;
    }

    /**
     * The event, or empty when this consumer already processed it or its type is unknown to this build
     * (a newer producer's event is skipped, not dead-lettered).
     *
     * @throws PoisonMessageException when the message can never be read
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReceivedEvent> receive(String consumer, String message) {
        EventEnvelope<JsonNode> envelope;
        try {
            envelope = mapper.readValue(message, ENVELOPE);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Not an event envelope", e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new PoisonMessageException("Envelope lacks eventId, type or payload", null);
        }
        Optional<EventType> type = EventType.fromWireName(envelope.type());
        if (type.isEmpty()) {
            LOG.debugf("Skipping unknown event type %s (%s)", envelope.type(), envelope.eventId());
            return Optional.empty();
        }
        Record payload;
        try {
            payload = mapper.treeToValue(envelope.payload(), type.get().payloadType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Payload does not match " + envelope.type(), e);
        }
        int inserted = em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, type, processed_at)
                        values (:id, :consumer, :type, :at) on conflict do nothing""")
                .setParameter("id", envelope.eventId())
                .setParameter("consumer", consumer)
                .setParameter("type", envelope.type())
                .setParameter("at", clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Duplicate delivery of %s to %s ignored", envelope.eventId(), consumer);
            return Optional.empty();
        }
        return Optional.of(new ReceivedEvent(envelope, type.get(), payload));
    }
}
