package org.opencircles.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event on every Open Circles topic travels in; the Kafka key is {@code aggregateId}.
 *
 * @param <P> the payload record, or a JSON tree while the type is not yet known to the reader
 */
public record EventEnvelope<P>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        P payload) {}
