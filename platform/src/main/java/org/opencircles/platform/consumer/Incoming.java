package org.opencircles.platform.consumer;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;

/** A record read off a topic: the event in it, nothing (a type this build does not know), or why it is poison. */
record Incoming(ConsumerRecord<String, String> record, Optional<ReceivedEvent> event, String poison) {

    /** Runs a log statement with the event's id and type in the log context (JSON logs carry them as fields). */
    void logged(Runnable log) {
        event.ifPresent(e -> {
            MDC.put("eventId", e.envelope().eventId().toString());
            MDC.put("eventType", e.envelope().type());
        });
        MDC.put("topic", record.topic());
        try {
            log.run();
        } finally {
            MDC.remove("eventId");
            MDC.remove("eventType");
            MDC.remove("topic");
        }
    }
}
