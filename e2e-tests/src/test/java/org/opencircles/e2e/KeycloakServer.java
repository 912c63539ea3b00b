package org.opencircles.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opencircles.testkit.Ports;
import org.opencircles.testkit.StaffDirectory;

/**
 * The real identity provider for the end-to-end tests: Keycloak's distribution (unpacked by the build), started
 * with the repository's realm and a fresh password for every person on every run. Tests sign in through it exactly
 * as a secretary's REST client does (password grant) and the notifier does (client credentials).
 */
final class KeycloakServer implements AutoCloseable {

    private static KeycloakServer running;

    private final ProcessHandle process;
    /** Where it logs. */
    private final Path log;

    private final String issuer;
    private final Map<String, String> secrets;
    private final long startedNanos;
    /** How long it took to answer, once it has; -1 until then. */
    private volatile long startMillis = -1;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private KeycloakServer(
            ProcessHandle process, Path log, String issuer, Map<String, String> secrets, long startedNanos) {
        this.process = process;
        this.log = log;
        this.issuer = issuer;
        this.secrets = secrets;
        this.startedNanos = startedNanos;
    }

    /** One Keycloak per test JVM, started on first use; {@link #awaitReady()} before signing anyone in. */
    static synchronized KeycloakServer get() throws Exception {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "keycloak-stop"));
        }
        return running;
    }

    private static KeycloakServer start() throws Exception {
        Path home = home();
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    home + " is missing: the identity-provider module unpacks and builds Keycloak (./mvnw verify)");
        }
        // A fresh realm every run: drop what an earlier run stored, import the repository's realm again.
        deleteTree(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        Path repo = Path.of(System.getProperty("opencircles.repo.root", ".."));
        // The services listen on free ports here: the page's client may return to any port on this machine.
        String realm = Files.readString(repo.resolve(StaffDirectory.REALM_FILE))
                .replace("\"http://127.0.0.1:8082/organiser/callback\"", "\"http://127.0.0.1:*\"")
                .replace("http://127.0.0.1:8082/organiser##", "http://127.0.0.1:*##");
        Files.writeString(home.resolve("data/import/open-circles-realm.json"), realm);

        Map<String, String> secrets = new HashMap<>();
        for (String person : StaffDirectory.roles().keySet()) {
            secrets.put(person, randomSecret());
        }
        int port = Ports.free();
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        // Built once by the identity-provider module (kc.sh build --db=dev-file): started as built,
                        // plain HTTP on the loopback address, the issuer taken from the address it is called on.
                        "start",
                        "--optimized",
                        "--http-enabled=true",
                        "--hostname-strict=false",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(
                        repo.resolve("e2e-tests/target/e2e-logs/keycloak.log").toFile());
        Files.createDirectories(repo.resolve("e2e-tests/target/e2e-logs"));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "keycloak-admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", randomSecret());
        secrets.forEach((person, secret) -> env.put(secretVariable(person), secret));
        long started = System.nanoTime();
        Process process = pb.start();
        return new KeycloakServer(
                process.toHandle(),
                repo.resolve("e2e-tests/target/e2e-logs/keycloak.log"),
                "http://127.0.0.1:" + port + "/realms/open-circles",
                secrets,
                started);
    }

    /** The environment variable the realm reads a person's password (or the notifier's secret) from. */
    private static String secretVariable(String person) {
        return StaffDirectory.NOTIFIER.equals(person)
                ? "OC_NOTIFIER_SECRET"
                : "OC_PW_" + person.toUpperCase().replace('-', '_');
    }

    private static Path home() {
        return Path.of(System.getProperty(
                "opencircles.keycloak.home", "../identity-provider/target/keycloak/keycloak-26.5.6"));
    }

    /**
     * Waits until Keycloak answers (at most 180 s from its start). Started without waiting, so that it boots while
     * the services do: they need its issuer at startup, its keys only when the first token comes.
     */
    synchronized void awaitReady() throws Exception {
        if (startMillis >= 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            if (answers()) {
                startMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                return;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Keycloak was not ready within 180 s");
    }

    String issuer() {
        return issuer;
    }

    long startMillis() {
        return startMillis;
    }

    /** A real access token for a demo person (password grant) or {@code notifier} (client credentials). */
    /** The password this run gave {@code person}, for signing in through Keycloak's own page. */
    String password(String person) {
        return secrets.get(person);
    }

    String token(String person) {
        return tokens.computeIfAbsent(person, this::signIn);
    }

    private String signIn(String person) {
        String secret = secrets.get(person);
        if (secret == null) {
            throw new IllegalArgumentException("No demo person " + person);
        }
        String form = StaffDirectory.NOTIFIER.equals(person)
                ? "grant_type=client_credentials&client_id=open-circles-notifier&client_secret=" + encode(secret)
                : "grant_type=password&client_id=open-circles-cli&username=" + encode(person) + "&password="
                        + encode(secret);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused " + person + ": " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not sign in as " + person, e);
        }
    }

    /** Signs in with a wrong password: Keycloak must say no. */
    int statusForWrongPassword(String person) throws Exception {
        String form = "grant_type=password&client_id=open-circles-cli&username=" + encode(person) + "&password=demo";
        return http.send(
                        HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private boolean answers() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keycloak needs Java 21+: OC_KEYCLOAK_JAVA_HOME, or the newest such JDK under /usr/lib/jvm. */
    private static String javaHome() throws IOException {
        String configured = System.getenv("OC_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(d -> featureVersion(d) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion))
                    .map(Path::toString)
                    .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21+: set OC_KEYCLOAK_JAVA_HOME"));
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() && Files.exists(jdk.resolve("bin/java")) ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
