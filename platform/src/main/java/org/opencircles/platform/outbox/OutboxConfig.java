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

    /** Longest wait for Kafka to acknowledge a batch before it is rolled back and retried. */
    @WithDefault("15s")
    Duration ackTimeout();
}
