package org.opencircles.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
            deadLetters = new DeadLetters(config.deadLetterTopic()
                    .orElse(org.opencircles.events.Topics.deadLetters(application)), kafkaConfig);
        }
        ConsumerLoop loop = new ConsumerLoop(application + "-consumer-" + started.incrementAndGet(), application,
                handlers(), inbox, config, kafkaConfig, deadLetters);
        loops.add(loop);
        loop.start();
        return new Member(loop);
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
