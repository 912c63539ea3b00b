package org.opencircles.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** How membership-list imports are processed. */
@ConfigMapping(prefix = "open-circles.import")
public interface ImportConfig {

    /** Rows saved per transaction (written set-based, so larger chunks cost less each); progress follows each chunk. */
    @WithDefault("2000")
    int chunkSize();

    /** Largest number of rows one file may hold. */
    @WithDefault("1000000")
    int maxRows();

    /**
     * Largest file accepted, in megabytes; a larger upload is refused with 413 before anything is read. A national
     * export of 500,000 members is about 64 MB.
     */
    @WithDefault("100")
    int maxFileMegabytes();

    /**
     * Where uploaded files wait while their import runs (one file per import, named by its id); files whose import
     * is over are removed on every path, and any left by a crash are swept away.
     */
    @WithDefault("${java.io.tmpdir}/open-circles-imports")
    Path workDir();

    /** Longest cell, in characters; a row with a longer one is a row error and reading goes on. */
    @WithDefault("10000")
    int maxFieldLength();

    /**
     * Longest row, in characters, quoted line breaks included; past it (typically a quote left open, which would
     * swallow the rest of the file) the row is an error and the rest of the file is not read.
     */
    @WithDefault("1000000")
    int maxRecordLength();

    /**
     * How long an import's heartbeat may be silent before it counts as interrupted (its replica died). Heartbeats
     * come every {@link #heartbeatInterval()} and after every chunk.
     */
    @WithDefault("60s")
    Duration staleAfter();

    /** How often a replica marks its imports alive (and looks for those of a replica that stopped). */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /**
     * An import that created or changed at least this many members refreshes the member table's statistics when it
     * ends (PostgreSQL's {@code ANALYZE}), so lists and searches are planned for the members it brought.
     */
    @WithDefault("10000")
    int analyzeFromRows();
}
