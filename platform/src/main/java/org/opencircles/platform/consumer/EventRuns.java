package org.opencircles.platform.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a batch's events in order, writing each run of consecutive events that can go together (an import's new
 * members, thousands in a row) in one call. Any other event, or a second event about the same thing, first has the
 * run before it written, so every event sees what the events before it did, as if they were applied one by one.
 */
public final class EventRuns {

    private EventRuns() {}

    /**
     * @param runnable what an event contributes to a run, or null when it must be applied on its own (asked before the
     *                 run so far is written)
     * @param key      what a contribution is about: a run holds one contribution per key
     * @param writeRun writes a run (never empty)
     * @param applyOne applies an event on its own
     */
    public static <T> void apply(
            List<ReceivedEvent> events,
            Function<ReceivedEvent, T> runnable,
            Function<T, ?> key,
            Consumer<List<T>> writeRun,
            Consumer<ReceivedEvent> applyOne) {
        List<T> run = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (ReceivedEvent event : events) {
            T item = runnable.apply(event);
            if (item != null && keys.add(key.apply(item))) {
                run.add(item);
                continue;
            }
            if (!run.isEmpty()) {
                writeRun.accept(List.copyOf(run));
                run.clear();
                keys.clear();
            }
            // Also the second event about something already in the run: on its own, once the run is written.
            applyOne.accept(event);
        }
        if (!run.isEmpty()) {
            writeRun.accept(List.copyOf(run));
        }
    }
}
