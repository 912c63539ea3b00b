package org.opencircles.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * What the service's consumers do, for Prometheus ({@code /q/metrics}): events applied, dead-lettered and of types
 * this build does not know, per topic; lag per partition this process holds; members waiting out a failure.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumerMetrics.class);

    @Inject
    MeterRegistry registry;

    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    /** Counters by topic, built once: the consumer counts on every batch. */
    private final Map<String, Counter> appliedByTopic = new ConcurrentHashMap<>();

    private final AtomicInteger retrying = new AtomicInteger();
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();
    private volatile boolean retryingRegistered;

    void applied(String topic, int count) {
        if (count > 0) {
            appliedByTopic
                    .computeIfAbsent(
                            topic,
                            t -> Counter.builder("open.circles.events.applied")
                                    .description("Events applied for the first time")
                                    .tag("topic", t)
                                    .register(registry))
                    .increment(count);
        }
    }

    void deadLettered(String topic) {
        Counter.builder("open.circles.events.dead.lettered")
                .description("Messages this process put on the service's dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    /** Counts a message whose type this build does not know, and logs the first of each type (it is skipped). */
    void unknownType(String topic, String type) {
        String safeType = type == null ? "none" : type.replaceAll("[^A-Za-z0-9._-]", "?");
        Counter.builder("open.circles.events.unknown.type")
                .description("Messages skipped because this build does not know their type")
                .tag("topic", topic)
                .tag("type", safeType)
                .register(registry)
                .increment();
        if (unknownTypesLogged.add(topic + "/" + safeType)) {
            LOG.warnf(
                    "Skipping events of type %s on %s: this build does not know the type (a newer producer?); "
                            + "counted in open_circles_events_unknown_type_total, logged once per type",
                    safeType, topic);
        }
    }

    /** Records the lag of a partition this process holds (records between its position and the end). */
    void lag(TopicPartition partition, long records) {
        lag.computeIfAbsent(partition, p -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("open.circles.consumer.lag", value, AtomicLong::get)
                            .description("Records on the partition not yet applied by this service")
                            .tag("topic", p.topic())
                            .tag("partition", Integer.toString(p.partition()))
                            .register(registry);
                    return value;
                })
                .set(records);
    }

    /** A partition handed to another member: this process no longer reports its lag. */
    void released(TopicPartition partition) {
        AtomicLong value = lag.get(partition);
        if (value != null) {
            value.set(0);
        }
    }

    void retrying(boolean start) {
        if (!retryingRegistered) {
            synchronized (this) {
                if (!retryingRegistered) {
                    Gauge.builder("open.circles.consumer.retrying", retrying, AtomicInteger::get)
                            .description("Consumer members waiting out a failure before retrying")
                            .register(registry);
                    retryingRegistered = true;
                }
            }
        }
        if (start) {
            retrying.incrementAndGet();
        } else {
            retrying.decrementAndGet();
        }
    }
}
