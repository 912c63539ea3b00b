package org.opencircles.platform.consumer;

import java.util.List;

/**
 * What a service does with the events of one topic. The platform's {@link EventConsumers} reads the topic, and calls
 * {@link #applyAll} (by default {@link #apply} on each event) inside a transaction, once per event id, in the order of
 * the topic's partitions.
 */
public interface EventHandler {

    /** The topic this handler reads. */
    String topic();

    /**
     * Applies one event in the caller's transaction. Throwing rolls back the whole batch: a transient failure
     * (database, lock, timeout) is retried, anything else is retried on its own a few times, then dead-lettered.
     */
    void apply(ReceivedEvent event);

    /**
     * Called with the events of a batch that are about to be applied, in the same transaction, before the first: a
     * chance to read in one query what applying them one by one would read row by row. Does nothing by default.
     */
    default void prepare(List<ReceivedEvent> events) {}

    /**
     * Applies a batch's events of this topic, in order, in the caller's transaction: by default {@link #apply} on each
     * in turn. A handler may write a run of events together (an import's thousands of new members in one statement)
     * as long as every event sees what the events before it did.
     */
    default void applyAll(List<ReceivedEvent> events) {
        events.forEach(this::apply);
    }
}
