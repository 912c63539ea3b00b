package org.opencircles.actions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.PermissionSweep;
import org.opencircles.testkit.PermissionSweep.Call;
import org.opencircles.testkit.PermissionSweep.Operation;
import org.opencircles.testkit.PermissionSweep.Scope;
import org.opencircles.testkit.Postgres;

/** Every actions-service operation × every demo person × their own CLP and another: the exact status each gets. */
@QuarkusTest
class PermissionSweepTest {

    private static final Set<String> STAFF = Set.of("secretary", "organiser");
    private static final Set<String> READERS = Set.of("secretary", "organiser", "youth-officer");

    private static final Map<String, UUID> OWNERS = new ConcurrentHashMap<>();

    /** A member of {@code clp} known to actions-service's projection, to own commitments there. */
    private static UUID owner(String clp) {
        return OWNERS.computeIfAbsent(clp, c -> {
            UUID member = Upstream.memberJoined(c);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> Postgres.number(
                                    "actions_test",
                                    "select count(*) from member_projection where member_id = ?",
                                    member)
                            == 1);
            return member;
        });
    }

    private static Map<String, Object> commitment(String clp) {
        return Map.of(
                "clpCode",
                clp,
                "kind",
                "CAMPAIGN",
                "title",
                "Sweep campaign",
                "madeAt",
                "Sweep",
                "ownerMemberIds",
                List.of(owner(clp)),
                "dueOn",
                LocalDate.now().plusMonths(2).toString());
    }

    /** A fresh commitment of {@code clp}, made by the national organiser. */
    private static String commitment(Call call) {
        return as("organiser-national")
                .body(commitment(call.clp()))
                .post("/commitments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A fresh open follow-up in {@code clp}, as the clock leaves one for the secretary. */
    private static String openFollowUp(Call call) {
        UUID id = UUID.randomUUID();
        Postgres.column(
                "actions_test",
                """
                insert into follow_up (id, reason, subject_type, subject_id, occurrence, clp_code, assignee_role, due_at,
                                       status, opened_at, version)
                values (?, 'NEW_MEMBER_NOT_CONTACTED', 'member', ?, 'sweep', ?, 'secretary', ?, 'OPEN', ?, 0)
                returning id""",
                id,
                UUID.randomUUID(),
                call.clp(),
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        return id.toString();
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation(
                    "POST", "/commitments", c -> "/commitments", c -> commitment(c.clp()), STAFF, Scope.BY_CLP, 201),
            new Operation("GET", "/commitments", c -> "/commitments?clp=" + c.clp(), null, READERS, Scope.BY_CLP, 200),
            new Operation(
                    "GET", "/commitments/{id}", c -> "/commitments/" + commitment(c), null, READERS, Scope.BY_ID, 200),
            new Operation(
                    "POST",
                    "/commitments/{id}/progress",
                    c -> "/commitments/" + commitment(c) + "/progress",
                    c -> Map.of("percentComplete", 10, "note", "Sweep"),
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation("GET", "/dashboard", c -> "/dashboard", null, READERS, Scope.NONE, 200),
            new Operation("GET", "/dashboard/{clp}", c -> "/dashboard/" + c.clp(), null, READERS, Scope.BY_CLP, 200),
            new Operation(
                    "GET",
                    "/follow-ups",
                    c -> "/follow-ups?clp=" + c.clp(),
                    null,
                    Set.of("secretary", "organiser", "youth-officer", "safeguarding-lead", "notifier"),
                    Scope.BY_CLP,
                    200),
            new Operation(
                    "POST",
                    "/follow-ups/{id}/done",
                    c -> "/follow-ups/" + openFollowUp(c) + "/done",
                    c -> Map.of("note", "Called"),
                    READERS,
                    Scope.BY_ID,
                    200));

    @Test
    void everyOperationAsEveryPersonOnTheirOwnAndAnotherClpGetsExactlyItsStatus() {
        PermissionSweep.Result result = PermissionSweep.verify("actions-service", OPERATIONS);
        assertThat(result.calls() > 0, equalTo(true));
    }
}
