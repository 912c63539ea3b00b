package org.opencircles.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes to Kafka. */
@ConfigMapping(prefix = "open-circles.outbox")
public interface OutboxConfig {

    /** Most events published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * Longest wait for Kafka to acknowledge a batch before it is rolled back and retried. This bounds how long the
     * relay can hold its transaction and lock when the broker goes away in the middle of a batch.
     */
    @WithDefault("5s")
    Duration ackTimeout();

    /** Longest wait for the broker to answer the probe the relay makes, outside any transaction, after a failure. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** How often the outbox is counted for its metrics (rows waiting, the oldest's age, rows parked). */
    @WithDefault("5s")
    Duration metricsInterval();

    /**
     * How often the relay looks for rows on its own: the safety net for a wake-up that was lost (a crash, Kafka down,
     * a lock held elsewhere); a commit wakes it at once otherwise.
     */
    @WithDefault("1s")
    Duration pollInterval();
}
