package org.opencircles.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.Postgres;

/** A packaged service in production refuses to start without its identity provider: no default to fall back on. */
class StartupRefusalTest {

    @Test
    void aServiceWithoutAnIssuerRefusesToStart() throws Exception {
        Path root = Path.of(System.getProperty("opencircles.repo.root", ".."));
        Path jar = root.resolve("members-service/target/quarkus-app/quarkus-run.jar");
        Path log = root.resolve("e2e-tests/target/e2e-logs/members-without-issuer.log");
        Files.createDirectories(log.getParent());
        Postgres.ensureDatabase("e2e_refusal", true);
        ProcessBuilder pb = new ProcessBuilder(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-Xmx256m",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.remove("OC_OIDC_ISSUER");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("OC_DB_HOST", Postgres.host());
        env.put("OC_DB_PORT", Postgres.port());
        env.put("OC_DB_NAME", "e2e_refusal");
        env.put("OC_DB_USER", Postgres.user());
        env.put("OC_DB_PASSWORD", Postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        Process service = pb.start();
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        assertThat("the service exited by itself", exited, equalTo(true));
        assertThat(service.exitValue(), not(equalTo(0)));
        // The issuer comes from OC_OIDC_ISSUER (platform's microprofile-config.properties); without it, no value at
        // all.
        assertThat(
                Files.readString(log),
                containsString("Failed to load config value of type class java.lang.String for: mp.jwt.verify.issuer"));
    }
}
