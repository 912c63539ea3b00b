package org.opencircles.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the test JVMs of a parallel build ({@code ./mvnw -T 2}) share the one PostgreSQL server with a fault test that
 * restarts it. Every test holds a shared lock on a file while it runs. A test tagged {@value #RESTARTS_SERVER}
 * announces itself (other JVMs' next tests wait), takes the lock exclusively once the tests running elsewhere have
 * ended, and holds it until it ends, so its restart can fall wherever the test puts it. Registered for every test
 * through JUnit's extension autodetection (the root POM turns it on).
 */
public final class DatabaseServerGuard implements BeforeEachCallback, AfterEachCallback {

    /** The tag of a test that restarts the database server. */
    public static final String RESTARTS_SERVER = "restarts-database-server";

    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Path LOCK = DIRECTORY.resolve("open-circles-postgres-server.lock");
    /** Present while a restarting test waits or runs; older than this, it was left by a test JVM that died. */
    private static final Path RESTARTING = DIRECTORY.resolve("open-circles-postgres-server.restarting");

    private static final Duration ABANDONED = Duration.ofMinutes(3);

    private FileChannel channel;
    private FileLock lock;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
        if (context.getTags().contains(RESTARTS_SERVER)) {
            Files.writeString(RESTARTING, ProcessHandle.current().pid() + "\n");
            try {
                lock = channel().lock();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(RESTARTING);
                throw e;
            }
            return;
        }
        while (restartAnnounced()) {
            Thread.sleep(100);
        }
        lock = channel().lock(0, Long.MAX_VALUE, true);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (lock != null) {
                lock.release();
                lock = null;
            }
        } finally {
            if (context.getTags().contains(RESTARTS_SERVER)) {
                Files.deleteIfExists(RESTARTING);
            }
        }
    }

    private static boolean restartAnnounced() {
        try {
            return Files.exists(RESTARTING)
                    && Files.getLastModifiedTime(RESTARTING)
                            .toInstant()
                            .isAfter(Instant.now().minus(ABANDONED));
        } catch (IOException gone) {
            return false;
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(
                    LOCK, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }
}
