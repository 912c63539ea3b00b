package org.opencircles.platform.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies events through the service's handlers in one new transaction, each at most once per consumer (the inbox
 * row and the effect commit together): what the consumer loop does with a poll, and what a replay of a dead letter
 * does with one message.
 */
final class EventApplication {

    /** An event read off {@code topic}. */
    record Delivered(String topic, ReceivedEvent event) {}

    private final String application;
    private final Map<String, EventHandler> handlers;
    private final Inbox inbox;

    EventApplication(String application, Map<String, EventHandler> handlers, Inbox inbox) {
        this.application = application;
        this.handlers = handlers;
        this.inbox = inbox;
    }

    /** The consumer's name in the inbox: one per service and topic, the same in every replica. */
    String consumerName(String topic) {
        return application + "/" + topic;
    }

    boolean handles(String topic) {
        return handlers.containsKey(topic);
    }

    /**
     * Applies, in order, every event not applied before; returns how many were applied now, per topic. An event
     * delivered twice in the list is applied once.
     */
    Map<String, Integer> apply(List<Delivered> events) {
        Map<String, List<ReceivedEvent>> byTopic = new LinkedHashMap<>();
        for (Delivered d : events) {
            byTopic.computeIfAbsent(d.topic(), t -> new ArrayList<>()).add(d.event());
        }
        if (byTopic.isEmpty()) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Set<UUID>> fresh = new HashMap<>();
            byTopic.forEach(
                    (topic, list) -> fresh.put(topic, new HashSet<>(inbox.firstSeen(consumerName(topic), list))));
            byTopic.forEach((topic, list) -> handlers.get(topic)
                    .prepare(list.stream()
                            .filter(e -> fresh.get(topic).contains(e.envelope().eventId()))
                            .toList()));
            Map<String, List<ReceivedEvent>> toApply = new LinkedHashMap<>();
            for (Delivered d : events) {
                // remove(): an event delivered twice in one batch is applied once.
                if (fresh.get(d.topic()).remove(d.event().envelope().eventId())) {
                    toApply.computeIfAbsent(d.topic(), t -> new ArrayList<>()).add(d.event());
                }
            }
            Map<String, Integer> applied = new LinkedHashMap<>();
            toApply.forEach((topic, list) -> {
                handlers.get(topic).applyAll(list);
                applied.put(topic, list.size());
            });
            return applied;
        });
    }
}
