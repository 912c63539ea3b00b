package org.opencircles.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the test JVMs of a parallel build ({@code ./mvnw -T 2}) share the one PostgreSQL server with a fault test that
 * restarts it. Every test holds a shared lock on a file while it runs; {@link #exclusively} announces a restart (new
 * tests wait), takes the lock exclusively once the tests running elsewhere have ended, and lets them go on after.
 * Registered for every test through JUnit's extension autodetection (the root POM turns it on).
 */
public final class DatabaseServerGuard implements BeforeEachCallback, AfterEachCallback {

    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Path LOCK = DIRECTORY.resolve("open-circles-postgres-server.lock");
    /** Present while a restart is waiting or running; older than this, it was left by a test JVM that died. */
    private static final Path RESTARTING = DIRECTORY.resolve("open-circles-postgres-server.restarting");

    private static final Duration ABANDONED = Duration.ofMinutes(3);

    private static FileChannel channel;
    private static FileLock shared;
    private static FileLock exclusive;

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        while (restartAnnounced()) {
            Thread.sleep(100);
        }
        acquireShared();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        releaseShared();
    }

    /**
     * Runs {@code work} (a restart of the database server, or a whole test around one) when no test of another JVM is
     * running, and keeps their next tests waiting until it is done; this JVM's own test goes on holding the server as
     * before. Reentrant: a restart inside a test that already holds the server runs at once.
     */
    public static synchronized <T> T exclusively(Supplier<T> work) {
        if (exclusive != null) {
            return work.get();
        }
        boolean heldShared = shared != null;
        releaseShared();
        try {
            Files.writeString(RESTARTING, ProcessHandle.current().pid() + "\n");
            exclusive = channel().lock();
            try {
                return work.get();
            } finally {
                exclusive.release();
                exclusive = null;
                Files.deleteIfExists(RESTARTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (heldShared) {
                acquireShared();
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

    private static synchronized void acquireShared() {
        if (shared == null) {
            try {
                shared = channel().lock(0, Long.MAX_VALUE, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static synchronized void releaseShared() {
        if (shared != null) {
            try {
                shared.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                shared = null;
            }
        }
    }

    private static FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(
                    LOCK, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }
}
