package org.opencircles.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.Ports;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.SmtpFront;

/**
 * The four packaged services started as separate processes, exactly as they run in production (prod profile,
 * configured through the environment), against one real Kafka broker, a database each, Keycloak for sign-in and a
 * real SMTP server (GreenMail) for the notifier.
 */
final class RunningSystem implements AutoCloseable {

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    final String bootstrap;
    final KeycloakServer keycloak;
    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    /** Between the notifier and the mail server. */
    SmtpFront smtp;

    private RunningSystem(String bootstrap, KeycloakServer keycloak) {
        this.bootstrap = bootstrap;
        this.keycloak = keycloak;
    }

    /** Starts members, actions, mentoring and the notifier; {@code extraEnv} tunes rules (e.g. shorter waits) for the story. */
    static RunningSystem start(Map<String, String> extraEnv) throws Exception {
        RunningSystem system = new RunningSystem(KafkaBroker.bootstrapServers(), KeycloakServer.get());
        // Children must never outlive the test JVM, whatever happens below.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "e2e-services-stop"));
        try {
            system.launch(extraEnv);
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void launch(Map<String, String> extraEnv) throws Exception {
        KafkaBroker.createTopics();
        mail.start();
        smtp = SmtpFront.start(mail.getSmtp().getPort());
        for (String service : List.of("members", "actions", "mentoring", "notifier")) {
            String database = "e2e_" + service;
            Postgres.ensureDatabase(database, true);
            int port = Ports.free();
            Path jar = root().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        jar + " is missing: run the reactor (./mvnw verify) so services are packaged first");
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("OC_DB_HOST", Postgres.host());
            env.put("OC_DB_PORT", Postgres.port());
            env.put("OC_DB_NAME", database);
            env.put("OC_DB_USER", Postgres.user());
            env.put("OC_DB_PASSWORD", Postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            env.put("OC_OIDC_ISSUER", keycloak.issuer());
            // The notifier reaches the mail server through a front a test can use to stop it mid-send.
            env.put("OC_SMTP_HOST", "127.0.0.1");
            env.put("OC_SMTP_PORT", String.valueOf(smtp.port()));
            env.putAll(extraEnv);
            environments.put(service, env);
            urls.put(service, "http://127.0.0.1:" + port);
            processes.put(service, spawn(service, jar, env));
        }
        for (Map.Entry<String, String> service : urls.entrySet()) {
            awaitReady(service.getKey(), service.getValue(), Duration.ofSeconds(120));
        }
        keycloak.awaitReady();
    }

    private static Path root() {
        return Path.of(System.getProperty("opencircles.repo.root", ".."));
    }

    private Process spawn(String service, Path jar, Map<String, String> env) throws IOException {
        Path logs = root().resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve(service + ".log").toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Kills {@code service} at once (SIGKILL: no shutdown hooks, nothing finished or recorded). */
    void kill(String service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive(String service) {
        return processes.get(service).isAlive();
    }

    /** Starts {@code service} again, as before, and waits until it is ready. */
    void restart(String service) throws Exception {
        Path jar = root().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        processes.put(service, spawn(service, jar, environments.get(service)));
        awaitReady(service, urls.get(service), Duration.ofSeconds(120));
    }

    String url(String service) {
        return urls.get(service);
    }

    /** A request to {@code service} signed in as {@code user}, with a token Keycloak issued to them. */
    RequestSpecification as(String service, String user) {
        return RestAssured.given()
                .baseUri(url(service))
                .auth()
                .oauth2(keycloak.token(user))
                .contentType(ContentType.JSON);
    }

    /** Dulwich and West Norwood with its Herne Hill ward, created by the admin as a fresh deployment would be. */
    void createDulwichAndWestNorwood() {
        as("members", "admin")
                .body(Map.of("code", "DWN", "name", "Dulwich and West Norwood", "region", "London"))
                .post("/clps")
                .then()
                .statusCode(201);
        as("members", "admin")
                .body(Map.of("code", "DWN-HERNE-HILL", "name", "Herne Hill"))
                .post("/clps/DWN/wards")
                .then()
                .statusCode(201);
    }

    private void awaitReady(String service, String url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited early; see e2e-tests/target/e2e-logs");
            }
            try {
                if (RestAssured.get(url + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service + " was not ready within " + timeout);
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        if (smtp != null) {
            smtp.close();
        }
        mail.stop();
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
