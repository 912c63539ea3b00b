package org.opencircles.mentoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How mentoring keeps safeguarding in force over time. */
@ConfigMapping(prefix = "open-circles.safeguarding")
public interface SafeguardingConfig {

    /**
     * How often pairings with minors are checked for a mentor whose safeguarding check has expired (each such
     * pairing is ended). A check expires on a date, so hourly finds one within the hour.
     */
    @WithDefault("1h")
    Duration sweepInterval();
}
