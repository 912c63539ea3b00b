package org.opencircles.platform.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the dead-letter topic is watched. */
@ConfigMapping(prefix = "open-circles.dead-letters")
public interface DeadLetterConfig {

    /** How often the records on the topic are counted against their resolutions (offsets and one query). */
    @WithDefault("15s")
    Duration countInterval();
}
