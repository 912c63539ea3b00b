package org.opencircles.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

/** An event read off a topic for the first time by this consumer, with its payload as the typed record. */
public record ReceivedEvent(EventEnvelope<JsonNode> envelope, EventType type, Record payload) {

    /**
     * An event as a consumer receives it, built here rather than read off a topic (to hand a handler a batch of its
     * own making): a fresh event id, the type's wire name and version, no JSON payload beside the record.
     */
    public static ReceivedEvent of(EventType type, UUID aggregateId, Record payload, Instant occurredAt) {
        return new ReceivedEvent(
                new EventEnvelope<>(
                        UUID.randomUUID(),
                        type.wireName(),
                        type.version(),
                        occurredAt,
                        type.aggregateType(),
                        aggregateId.toString(),
                        null),
                type,
                payload);
    }

    /** The payload as the record its type carries; a mismatch is a bug in the switch that called this. */
    public <T extends Record> T payload(Class<T> payloadType) {
        return payloadType.cast(payload);
    }

    /** The aggregate the event is about as a UUID (members, pairings, lists); empty for a key that is not one. */
    public Optional<UUID> aggregateUuid() {
        if (envelope.aggregateId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(envelope.aggregateId()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
