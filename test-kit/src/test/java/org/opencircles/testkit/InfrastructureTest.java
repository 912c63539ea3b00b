package org.opencircles.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The choice between Testcontainers and local infrastructure, without asking any real Docker engine. */
class InfrastructureTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void byDefaultContainersExactlyWhenDockerAnswers() {
        assertEquals(Infrastructure.TESTCONTAINERS, Infrastructure.choose(null, DOCKER));
        assertEquals(Infrastructure.LOCAL, Infrastructure.choose(null, NO_DOCKER));
        assertEquals(Infrastructure.TESTCONTAINERS, Infrastructure.choose("auto", DOCKER));
        assertEquals(Infrastructure.LOCAL, Infrastructure.choose(" AUTO ", NO_DOCKER));
        assertEquals(Infrastructure.LOCAL, Infrastructure.choose("", NO_DOCKER));
    }

    @Test
    void anExplicitChoiceWinsAndDoesNotAskDocker() {
        AtomicInteger asked = new AtomicInteger();
        BooleanSupplier counting = () -> {
            asked.incrementAndGet();
            return true;
        };
        assertEquals(Infrastructure.LOCAL, Infrastructure.choose("local", counting));
        assertEquals(Infrastructure.TESTCONTAINERS, Infrastructure.choose("Testcontainers", NO_DOCKER));
        assertEquals(0, asked.get());
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheProperty() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Infrastructure.choose("podman", DOCKER));
        assertEquals(
                "opencircles.test.infrastructure must be auto, testcontainers or local, not 'podman'", e.getMessage());
    }

    @Test
    void thisMachineHasNoDockerEngineSoTheRunIsLocal() {
        // CI's machines have a docker client but no engine: the probe must say so quickly, not hang.
        Assumptions.assumeTrue(
                System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "a Docker engine may be here");
        long start = System.nanoTime();
        boolean answers = Infrastructure.dockerAnswers();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(false, answers);
        assertEquals(true, millis < 1_000, "probe took " + millis + " ms");
    }
}
