package org.opencircles.platform.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the gauges that need a query (rows by state, readiness) are brought up to date. */
@ConfigMapping(prefix = "open-circles.metrics")
public interface MetricsConfig {

    /** Each service's counts of rows by state (imports, follow-ups, emails, safeguarding cover). */
    @WithDefault("15s")
    Duration countInterval();

    /** {@code open_circles_ready}, from the readiness checks. */
    @WithDefault("10s")
    Duration readinessInterval();
}
