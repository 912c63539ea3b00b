package org.opencircles.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * Which real PostgreSQL and Kafka the tests use: containers through Testcontainers where a Docker engine answers (a
 * developer's laptop), otherwise the local PostgreSQL server and Kafka's in-JVM KRaft broker (these CI machines).
 * Chosen once per test JVM, overridable with {@code -Dopencircles.test.infrastructure=testcontainers|local|auto} or
 * {@code OC_TEST_INFRASTRUCTURE}, and said at the start of the run.
 */
public enum Infrastructure {
    TESTCONTAINERS("using Testcontainers: PostgreSQL and a KRaft Kafka broker in Docker"),
    LOCAL("using local PostgreSQL and in-JVM Kafka");

    public static final String PROPERTY = "opencircles.test.infrastructure";
    public static final String ENVIRONMENT = "OC_TEST_INFRASTRUCTURE";

    private static Infrastructure chosen;

    private final String description;

    Infrastructure(String description) {
        this.description = description;
    }

    /** The infrastructure for this run, chosen (and reported) on first use. */
    public static synchronized Infrastructure current() {
        if (chosen == null) {
            String setting = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
            chosen = choose(setting, Infrastructure::dockerAnswers);
            String detail = chosen == LOCAL ? " (PostgreSQL at " + Postgres.host() + ":" + Postgres.port() + ")" : "";
            System.out.println("[test-kit] " + chosen.description + detail
                    + (setting == null || setting.isBlank() ? "" : " [" + PROPERTY + "=" + setting + "]"));
        }
        return chosen;
    }

    /**
     * The rule: an explicit {@code testcontainers} or {@code local} wins; {@code auto} (or nothing) means containers
     * exactly when a Docker engine answers. The probe is only asked when the setting leaves the choice open.
     */
    static Infrastructure choose(String setting, BooleanSupplier dockerAnswers) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "testcontainers" -> TESTCONTAINERS;
            case "local" -> LOCAL;
            case "", "auto" -> dockerAnswers.getAsBoolean() ? TESTCONTAINERS : LOCAL;
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be auto, testcontainers or local, not '" + setting + "'");
        };
    }

    /**
     * True when a Docker engine answers. Without a socket or DOCKER_HOST there is none to ask, so that path costs
     * nothing; otherwise Testcontainers pings it.
     */
    static boolean dockerAnswers() {
        boolean somewhereToAsk = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!somewhereToAsk) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
