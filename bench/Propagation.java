import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Propagation benchmark: new members written to members-service at a steady (open-loop) rate, and the time from
 * sending each write until the member is visible (committed, readable by another connection) in actions-service's
 * and mentoring-service's projections. Visibility is polled every 5 ms straight from each service's database.
 * Baseline in the same run: the write's own round trip (POST to 201), so the figures read as "visible N times as
 * late as the write itself took".
 *
 * Run through bench/propagation.sh, which finds the JDBC driver; args: rates (per second) and seconds per rate.
 */
public class Propagation {

    record Sample(long sentNanos, long answeredNanos, long actionsNanos, long mentoringNanos) {
    }

    static final String MEMBERS = env("OC_MEMBERS_URL", "http://127.0.0.1:8081");
    static final String ISSUER = env("OC_OIDC_ISSUER", "http://127.0.0.1:8180/realms/open-circles");
    static final String PG = "jdbc:postgresql://" + env("OC_DB_HOST", "127.0.0.1") + ":" + env("OC_DB_PORT", "5432") + "/";
    static final String PG_USER = env("OC_DB_USER", "postgres");
    static final String PG_PASSWORD = env("OC_DB_PASSWORD", "postgres");

    public static void main(String[] args) throws Exception {
        List<Integer> rates = new ArrayList<>();
        for (String r : args[0].split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        int seconds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ensureClp(http);
        warmUp(http);
        System.out.printf("%-6s %-10s %8s %8s %8s %8s %8s   %s%n", "rate/s", "what", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "n", "p99 vs write p99");
        Integer best = null;
        for (int rate : rates) {
            List<Sample> samples = run(http, rate, seconds);
            double writeP99 = pct(samples, s -> s.answeredNanos - s.sentNanos, 99);
            line(rate, "write", samples, s -> s.answeredNanos - s.sentNanos, writeP99);
            double a = line(rate, "actions", samples, s -> s.actionsNanos - s.sentNanos, writeP99);
            double m = line(rate, "mentoring", samples, s -> s.mentoringNanos - s.sentNanos, writeP99);
            if (a <= 100 && m <= 100) {
                best = rate;
            }
        }
        System.out.println(best == null ? "no rate held p99 <= 100 ms in both projections"
                : "highest rate held with p99 <= 100 ms in both projections: " + best + "/s");
    }

    interface Latency {
        long of(Sample s);
    }

    static double line(int rate, String what, List<Sample> samples, Latency latency, double baselineP99) {
        double p99 = pct(samples, latency, 99);
        System.out.printf("%-6d %-10s %8.1f %8.1f %8.1f %8.1f %8d   %6.1fx%n", rate, what, pct(samples, latency, 50),
                pct(samples, latency, 95), p99, pct(samples, latency, 100), samples.size(), p99 / baselineP99);
        return p99;
    }

    static double pct(List<Sample> samples, Latency latency, int p) {
        List<Long> values = new ArrayList<>();
        for (Sample s : samples) {
            values.add(latency.of(s));
        }
        Collections.sort(values);
        int index = (int) Math.ceil(p / 100.0 * values.size()) - 1;
        return values.get(Math.max(0, Math.min(values.size() - 1, index))) / 1e6;
    }

    /** Writes {@code rate} members a second for {@code seconds}, and watches each reach both projections. */
    static List<Sample> run(HttpClient http, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        long[] sent = new long[total];
        long[] answered = new long[total];
        Map<UUID, Integer> pendingActions = new ConcurrentHashMap<>();
        Map<UUID, Integer> pendingMentoring = new ConcurrentHashMap<>();
        long[] actions = new long[total];
        long[] mentoring = new long[total];
        CountDownLatch written = new CountDownLatch(total);
        AtomicInteger failures = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            String body = "{\"membershipNumber\":\"P" + runId + "-" + i + "\",\"firstName\":\"Bench\",\"lastName\":\"Mark\","
                    + "\"email\":\"bench" + runId + i + "@example.org\",\"clpCode\":\"BEN\",\"wardCode\":\"BEN-W1\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(MEMBERS + "/members"))
                    .header("Authorization", "Bearer " + token(http, "organiser-national"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent[i] = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                answered[i] = System.nanoTime();
                if (error == null && response.statusCode() == 201) {
                    UUID id = UUID.fromString(response.body().replaceAll(".*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
                    pendingActions.put(id, i);
                    pendingMentoring.put(id, i);
                } else {
                    failures.incrementAndGet();
                    System.err.println("write failed: " + (error != null ? error : response.statusCode() + " " + response.body()));
                }
                written.countDown();
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);

        try (Connection a = DriverManager.getConnection(PG + "actions", PG_USER, PG_PASSWORD);
             Connection m = DriverManager.getConnection(PG + "mentoring", PG_USER, PG_PASSWORD);
             PreparedStatement qa = a.prepareStatement("select member_id from member_projection where member_id = any(?)");
             PreparedStatement qm = m.prepareStatement("select member_id from member_projection where member_id = any(?)")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
            while (written.getCount() > 0 || !pendingActions.isEmpty() || !pendingMentoring.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every member became visible within 60 s of the run");
                }
                poll(a, qa, pendingActions, actions);
                poll(m, qm, pendingMentoring, mentoring);
                Thread.sleep(5);
            }
        } finally {
            clock.shutdownNow();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " writes failed");
        }
        List<Sample> samples = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            samples.add(new Sample(sent[i], answered[i], actions[i], mentoring[i]));
        }
        return samples;
    }

    static void poll(Connection c, PreparedStatement query, Map<UUID, Integer> pending, long[] seen) throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        query.setArray(1, c.createArrayOf("uuid", pending.keySet().toArray()));
        long now = System.nanoTime();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Integer i = pending.remove(rs.getObject(1, UUID.class));
                if (i != null) {
                    seen[i] = now;
                }
            }
        }
    }

    /** The bench writes into a CLP of its own, created on first use. */
    static void ensureClp(HttpClient http) throws Exception {
        post(http, "admin", "/clps", "{\"code\":\"BEN\",\"name\":\"Benchmark\",\"region\":\"Bench\"}");
        post(http, "admin", "/clps/BEN/wards", "{\"code\":\"BEN-W1\",\"name\":\"Bench Ward\"}");
    }

    record Token(String value, long fetchedNanos) {
    }

    static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    /** A token for a demo person (password grant), fetched again after a minute: the realm's tokens last five. */
    static String token(HttpClient http, String person) {
        Token current = TOKENS.get(person);
        if (current != null && System.nanoTime() - current.fetchedNanos() < TimeUnit.MINUTES.toNanos(1)) {
            return current.value();
        }
        synchronized (TOKENS) {
            current = TOKENS.get(person);
            if (current != null && System.nanoTime() - current.fetchedNanos() < TimeUnit.MINUTES.toNanos(1)) {
                return current.value();
            }
            String password = env("OC_PW_" + person.toUpperCase().replace('-', '_'), "");
            String form = "grant_type=password&client_id=open-circles-cli&username=" + person + "&password="
                    + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
                String value = body.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                if (value.equals(body)) {
                    throw new IllegalStateException("could not sign in as " + person + ": " + body);
                }
                TOKENS.put(person, new Token(value, System.nanoTime()));
                return value;
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("could not sign in as " + person, e);
            }
        }
    }

    static void post(HttpClient http, String user, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(MEMBERS + path))
                .header("Authorization", "Bearer " + token(http, user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    /** A few seconds at a low rate first, so JIT warm-up is not counted against the first rate measured. */
    static void warmUp(HttpClient http) throws Exception {
        run(http, 20, 5);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
