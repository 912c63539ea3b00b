package org.opencircles.actions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the organisers' dashboard figures are kept fresh. */
@ConfigMapping(prefix = "open-circles.dashboard")
public interface DashboardConfig {

    /** How often figures marked stale, and left alone for a while, are recomputed between reads. */
    @WithDefault("60s")
    Duration refreshInterval();
}
