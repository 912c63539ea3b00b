package org.opencircles.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

/** Publishes events as another service's outbox relay would, so one service can be tested on its own. */
public final class UpstreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private UpstreamEvents() {}

    /** Publishes the payload in a fresh envelope; returns the message, so a test can deliver it again. */
    public static String publish(String bootstrap, Record payload, UUID aggregateId) {
        return publish(bootstrap, payload, aggregateId.toString());
    }

    /** The same, for an aggregate whose id is not a UUID (a CLP, by its code). */
    public static String publish(String bootstrap, Record payload, String aggregateId) {
        EventType type = EventType.of(payload);
        EventEnvelope<Record> envelope = new EventEnvelope<>(
                UUID.randomUUID(),
                type.wireName(),
                type.version(),
                Instant.now(),
                type.aggregateType(),
                aggregateId,
                payload);
        try {
            String json = JSON.writeValueAsString(envelope);
            TopicProbe.send(bootstrap, type.topic(), EventType.messageKey(payload, aggregateId), json);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + type.wireName(), e);
        }
    }
}
