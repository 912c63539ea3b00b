package org.opencircles.platform.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencircles.events.Topics;
import org.opencircles.platform.database.DatabaseProbe;

/**
 * Runs this service's member of its consumer group over every topic it has an {@link EventHandler} for; more members
 * (another thread here, or another replica) share the partitions, and each event is still applied exactly once.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    @Any
    Instance<EventHandler> handlerBeans;

    @Inject
    Inbox inbox;

    @Inject
    EventConsumerConfig config;

    @Inject
    DatabaseProbe database;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private DeadLetters deadLetters;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && !handlers().isEmpty()) {
            startMember();
        }
    }

    /** The topics this service consumes, with the handler for each. */
    Map<String, EventHandler> handlers() {
        Map<String, EventHandler> byTopic = new TreeMap<>();
        for (EventHandler handler : handlerBeans) {
            if (byTopic.put(handler.topic(), handler) != null) {
                throw new IllegalStateException("Two handlers for " + handler.topic());
            }
        }
        return byTopic;
    }

    /**
     * Starts one more member of the service's consumer group in this process and returns it; the group rebalances
     * and the members share the partitions. Stopping it hands its partitions back.
     */
    public synchronized Member startMember() {
        if (deadLetters == null) {
            deadLetters = new DeadLetters(deadLetterTopic(), kafkaConfig);
        }
        Map<String, EventHandler> handlers = handlers();
        ConsumerLoop loop = new ConsumerLoop(
                application + "-consumer-" + started.incrementAndGet(),
                config.groupId().orElse(application),
                new EventApplication(application, handlers, inbox),
                handlers.keySet(),
                inbox,
                config,
                kafkaConfig,
                deadLetters,
                database,
                metrics);
        loops.add(loop);
        loop.start();
        return new Member(loop);
    }

    /** The service's dead-letter topic ({@code <application>.dlq} unless configured otherwise). */
    public String deadLetterTopic() {
        return config.deadLetterTopic().orElse(Topics.deadLetters(application));
    }

    /** The topics this service consumes. */
    public Set<String> topics() {
        return handlers().keySet();
    }

    /**
     * Applies a message read off {@code topic} through the same handler and inbox as the consumer does, in a
     * transaction of its own: an operator's replay of a dead letter. Applied at most once, however often replayed.
     *
     * @throws PoisonMessageException when the message still cannot be read, with the reason
     */
    public Replay replay(String topic, String message) {
        Map<String, EventHandler> handlers = handlers();
        if (!handlers.containsKey(topic)) {
            throw new PoisonMessageException("This service does not consume " + topic, null);
        }
        Optional<ReceivedEvent> event = inbox.read(message);
        if (event.isEmpty()) {
            return Replay.UNKNOWN_TYPE;
        }
        Map<String, Integer> applied = new EventApplication(application, handlers, inbox)
                .apply(List.of(new EventApplication.Delivered(topic, event.get())));
        applied.forEach(metrics::applied);
        return applied.isEmpty() ? Replay.ALREADY_APPLIED : Replay.APPLIED;
    }

    /** What a replay came to. */
    public enum Replay {
        /** Applied now, for the first time. */
        APPLIED,
        /** Applied before (by the consumer or an earlier replay): nothing changed. */
        ALREADY_APPLIED,
        /** A type this build still does not know: skipped, as the consumer would. */
        UNKNOWN_TYPE
    }

    /** Empty while every member makes progress; otherwise, per member, what holds it up. */
    public Map<String, String> problems() {
        Map<String, String> problems = new TreeMap<>();
        for (ConsumerLoop loop : loops) {
            loop.problem().ifPresent(p -> problems.put(loop.name(), p));
        }
        return problems;
    }

    /** Whether this service consumes anything at all. */
    public boolean active() {
        return !loops.isEmpty();
    }

    void onStop(@Observes ShutdownEvent event) {
        for (ConsumerLoop loop : loops) {
            loop.stop(Duration.ofSeconds(10));
        }
        loops.clear();
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    /** A running member of the group, as returned by {@link #startMember()}. */
    public final class Member implements AutoCloseable {
        private final ConsumerLoop loop;

        private Member(ConsumerLoop loop) {
            this.loop = loop;
        }

        public Optional<String> problem() {
            return loop.problem();
        }

        /** Leaves the group; the remaining members take over its partitions from the last committed offsets. */
        @Override
        public void close() {
            loop.stop(Duration.ofSeconds(15));
            loops.remove(loop);
        }
    }
}
