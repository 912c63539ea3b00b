package org.opencircles.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service consumes its topics: one consumer group per service, batches, retries and the dead-letter topic. */
@ConfigMapping(prefix = "open-circles.consumer")
public interface EventConsumerConfig {

    /** Off only in a process that must not consume (none today); a service with no handlers never starts one. */
    @WithDefault("true")
    boolean enabled();

    /** The consumer group; defaults to the application name, so replicas of one service share the work. */
    Optional<String> groupId();

    /** The dead-letter topic; defaults to {@code <application>.dlq}. */
    Optional<String> deadLetterTopic();

    /** Most records in one poll, and so in one transaction. */
    @WithDefault("500")
    int maxPollRecords();

    /** Longest wait in one poll for new records. */
    @WithDefault("1s")
    Duration pollTimeout();

    /** First wait after a failure; doubled after each further failure, up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * Attempts at one message, on its own, that fails for no reason a retry would cure while the database answers a
     * fresh connection, before it is dead-lettered with the reason. Attempts while the database does not answer are
     * not counted: those are waited out for as long as it takes.
     */
    @WithDefault("3")
    int maxAttempts();

    /** The wait after {@code failures} failures in a row: the initial backoff, doubled each time, at most the max. */
    default Duration backoffAfter(int failures) {
        long millis = initialBackoff().toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff().toMillis()));
    }
}
