package org.opencircles.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencircles.members.service.ImportJobService;
import org.opencircles.members.service.LapseJob;
import org.opencircles.members.service.MemberService;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.Staff;

/** Two replicas of members-service on one database: neither spoils the other's imports or doubles a sweep. */
@QuarkusTest
class ReplicaTest {

    @Inject
    ImportJobService imports;

    @Inject
    MemberService members;

    @Inject
    ClusterLock clusterLock;

    @Inject
    Scheduler scheduler;

    private static UUID runningImport(String owner, Instant heartbeat) {
        UUID id = UUID.randomUUID();
        Postgres.column(
                "members_test",
                """
                insert into import_job (id, file_name, status, requested_by, total_rows, created_at, started_at,
                                        owner, heartbeat_at)
                values (?, 'list.csv', 'RUNNING', 'organiser-national', 1000, ?, ?, ?, ?) returning id""",
                id,
                Timestamp.from(heartbeat),
                Timestamp.from(heartbeat),
                owner,
                Timestamp.from(heartbeat));
        return id;
    }

    @Test
    void aStartingReplicaMarksOnlyImportsWhoseReplicaStoppedAsInterrupted() {
        UUID live = runningImport("replica-b", Instant.now());
        UUID orphaned = runningImport("replica-c", Instant.now().minus(Duration.ofMinutes(5)));

        imports.markInterrupted();

        as("organiser-national").get("/imports/" + live).then().statusCode(200).body("status", equalTo("RUNNING"));
        as("organiser-national")
                .get("/imports/" + orphaned)
                .then()
                .statusCode(200)
                .body("status", equalTo("INTERRUPTED"))
                .body("message", startsWith("The service stopped during this import"));

        // While replica b's national import runs, nobody else may import into any CLP.
        Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body("membership_number,first_name,last_name,clp,ward\n")
                .post("/imports")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", startsWith("another import for every CLP is still running"));
        // Replica b finishes; the fake job must not hold other tests back.
        Postgres.column("members_test", "update import_job set status = 'COMPLETED' where id = ? returning id", live);
    }

    @Test
    void whileOneReplicaSweepsForLapsedMembersAnotherSkipsTheRun() throws Exception {
        // This replica's own scheduled sweep (every second in tests) is held for the test: it takes the same lock and
        // would lapse the member between the steps below (it once did in CI, and the test's last sweep found none).
        scheduler.pause(LapseJob.class.getName());
        assertThat("the scheduled sweep is held", scheduler.isPaused(LapseJob.class.getName()), equalTo(true));
        try {
            sweepsTakeTurns();
        } finally {
            scheduler.resume(LapseJob.class.getName());
        }
    }

    private void sweepsTakeTurns() throws Exception {
        Api.clpWithWard("REP", "Replicaton");
        Map<String, Object> body = Api.adult(Api.uniqueNumber(), "REP");
        body.put("arrearsSince", LocalDate.now().minusMonths(1).toString());
        String id = as("organiser-national")
                .body(body)
                .post("/members")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
        // Months pass with nobody touching the record: the grace period runs out and only a sweep will notice.
        Postgres.column(
                "members_test",
                "update member set arrears_since = current_date - interval '7 months' " + "where id = ? returning id",
                UUID.fromString(id));

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    boolean locked = clusterLock.tryLock("lapse-sweep");
                    held.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return locked;
                }));
        held.await(10, TimeUnit.SECONDS);
        try {
            assertThat("the other replica's sweep does nothing", members.lapseMembersInArrears(500), equalTo(0));
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS), equalTo(true));
        as("organiser-national").get("/members/" + id).then().body("status", equalTo("ACTIVE"));
        assertThat(
                "once the lock is free, a sweep lapses the member",
                members.lapseMembersInArrears(500),
                Matchers.greaterThanOrEqualTo(1));
        as("organiser-national").get("/members/" + id).then().body("status", equalTo("LAPSED"));
    }
}
