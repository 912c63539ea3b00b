package org.opencircles.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.TopicProbe;

/**
 * The broker restarts while members join at a steady rate: the packaged services' relays hold the events in their
 * outboxes, consumers reconnect, and every member reaches both projections exactly once.
 */
class BrokerRestartTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        KafkaBroker.stop();
    }

    private static RequestSpecification as(String service, String user) {
        return system.as(service, user);
    }

    private static UUID join(int n) {
        Map<String, Object> body = Map.of(
                "membershipNumber",
                "BR" + n + "-" + System.nanoTime() % 100_000,
                "firstName",
                "Robin",
                "lastName",
                "Restart",
                "email",
                "robin" + n + "@example.org",
                "clpCode",
                "DWN",
                "wardCode",
                "DWN-HERNE-HILL");
        String id = as("members", "sec-dwn")
                .body(body)
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    private static long count(String database, String table, List<UUID> members) {
        return Postgres.number(database, "select count(*) from " + table + " where member_id = any(?)", (Object)
                members.toArray(UUID[]::new));
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void membersWhoJoinWhileTheBrokerRestartsReachEveryServiceExactlyOnce() throws Exception {
        Assumptions.assumeTrue(
                KafkaBroker.canRestart(),
                "the broker is restarted in place only on the in-JVM broker (a container comes back on another port)");
        system.createDulwichAndWestNorwood();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<List<UUID>> joining = writer.submit(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(join(i));
                Thread.sleep(100);
            }
            return ids;
        });
        writer.shutdown();
        Thread.sleep(3_000);
        KafkaBroker.restart(Duration.ofSeconds(4));
        List<UUID> members = joining.get();

        await(
                () -> count("e2e_actions", "member_projection", members) == members.size()
                        && count("e2e_mentoring", "member_projection", members) == members.size(),
                Duration.ofSeconds(90));
        Object ids = members.stream().map(UUID::toString).toArray(String[]::new);
        for (String service : List.of("actions", "mentoring")) {
            // Exactly one inbox row per member.joined: redelivered or republished copies changed nothing.
            assertThat(
                    service,
                    Postgres.number(
                            "e2e_" + service, "select count(*) from processed_event " + "where type = 'member.joined'"),
                    equalTo((long) members.size()));
            Set<String> keys = Set.of((String[]) ids);
            assertThat(
                    service + " dead letters",
                    TopicProbe.readAll(system.bootstrap, service + "-service.dlq", r -> keys.contains(r.key())),
                    empty());
        }
        assertThat(
                "actions follow-ups",
                Postgres.number(
                        "e2e_actions",
                        "select count(*) from follow_up "
                                + "where reason = 'NEW_MEMBER_NOT_CONTACTED' and subject_id = any(?)",
                        (Object) members.toArray(UUID[]::new)),
                equalTo((long) members.size()));
        await(() -> Postgres.number("e2e_members", "select count(*) from outbox_event") == 0, Duration.ofSeconds(30));
    }
}
