package org.opencircles.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencircles.events.EventEnvelope;
import org.opencircles.events.EventType;

/** An event read off a topic for the first time by this consumer, with its payload as the typed record. */
public record ReceivedEvent(EventEnvelope<JsonNode> envelope, EventType type, Record payload) {

    /** The payload as the record its type carries; a mismatch is a bug in the switch that called this. */
    public <T extends Record> T payload(Class<T> payloadType) {
        return payloadType.cast(payload);
    }
}
