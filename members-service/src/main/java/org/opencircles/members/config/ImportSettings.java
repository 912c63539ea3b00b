package org.opencircles.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How membership-list imports are processed. */
@ConfigMapping(prefix = "open-circles.import")
public interface ImportSettings {

    /** Rows saved per transaction; progress is visible after each chunk. */
    @WithDefault("500")
    int chunkSize();

    /** Largest number of rows one file may hold. */
    @WithDefault("1000000")
    int maxRows();
}
