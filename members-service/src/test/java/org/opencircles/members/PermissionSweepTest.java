package org.opencircles.members;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.PermissionSweep;
import org.opencircles.testkit.PermissionSweep.Call;
import org.opencircles.testkit.PermissionSweep.Csv;
import org.opencircles.testkit.PermissionSweep.Operation;
import org.opencircles.testkit.PermissionSweep.Scope;
import org.opencircles.testkit.PermissionSweep.Target;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.Staff;
import org.opencircles.testkit.StaffDirectory;

/** Every members-service operation × every demo person × their own CLP and another: the exact status each gets. */
@QuarkusTest
class PermissionSweepTest {

    private static final Set<String> STAFF = Set.of("secretary", "organiser");
    private static final Set<String> READERS = Set.of("secretary", "organiser", "youth-officer");
    private static final Set<String> CLP_READERS = Set.of("secretary", "organiser", "youth-officer", "admin");
    private static final Set<String> IMPORTERS = Set.of("secretary", "organiser", "admin");
    private static final Set<String> DPO = Set.of("data-protection");

    @BeforeEach
    void clps() {
        for (String clp : List.of("DWN", "ISN", "CRN", "CHT")) {
            Api.clpWithWard(clp, clp + " constituency");
        }
    }

    /** A fresh member of {@code clp}, registered by the national organiser. */
    private static String member(Call call) {
        return as("organiser-national")
                .body(Api.adult(Api.uniqueNumber(), call.clp()))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An import the caller started (their own CLP), or one another CLP's secretary started. */
    private static String importJob(Call call) {
        List<String> roles = StaffDirectory.roles().get(call.person());
        boolean canImport = roles.stream().anyMatch(IMPORTERS::contains);
        String uploader = call.target() == Target.OWN && canImport
                ? call.person()
                : "sec-" + call.clp().toLowerCase();
        String id = Staff.signedIn(uploader)
                .contentType("text/csv")
                .body("membership_number,first_name,last_name,clp,ward\n")
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        importsSettled();
        return id;
    }

    private static void importsSettled() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Postgres.number(
                                "members_test",
                                "select count(*) from import_job where status in ('QUEUED', 'RUNNING') and owner is not null "
                                        + "and heartbeat_at > now() - interval '1 minute'")
                        == 0);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A call list in {@code clp} holding one fresh member who consented to phone calls: "listId/memberId". */
    private static String callList(Call call) {
        String surname = "Sweep" + unique();
        Map<String, Object> body = Api.adult(Api.uniqueNumber(), call.clp());
        body.put("lastName", surname);
        body.put("consents", Map.of("email", false, "phone", true, "sms", false));
        String member = as("organiser-national")
                .body(body)
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String list = as("organiser-national")
                .body(Map.of(
                        "name",
                        "Sweep " + unique(),
                        "channel",
                        "PHONE",
                        "filter",
                        Map.of("clp", call.clp(), "q", surname)))
                .post("/call-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return list + "/" + member;
    }

    private static String listId(Call call) {
        return callList(call).split("/")[0];
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation(
                    "POST",
                    "/call-lists",
                    c -> "/call-lists",
                    c -> Map.of(
                            "name",
                            "Sweep " + unique(),
                            "channel",
                            "EMAIL",
                            "filter",
                            Map.of("clp", c.clp(), "notContactedForDays", 30)),
                    STAFF,
                    Scope.BY_CLP,
                    201),
            new Operation("GET", "/call-lists", c -> "/call-lists?clp=" + c.clp(), null, STAFF, Scope.BY_CLP, 200),
            new Operation("GET", "/call-lists/{id}", c -> "/call-lists/" + listId(c), null, STAFF, Scope.BY_ID, 200),
            new Operation(
                    "GET",
                    "/call-lists/{id}/entries",
                    c -> "/call-lists/" + listId(c) + "/entries",
                    null,
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/call-lists/{id}/entries/{memberId}/outcome",
                    c -> {
                        String[] ids = callList(c).split("/");
                        return "/call-lists/" + ids[0] + "/entries/" + ids[1] + "/outcome";
                    },
                    c -> Map.of("outcome", "NO_ANSWER"),
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "GET",
                    "/call-lists/{id}/export",
                    c -> "/call-lists/" + listId(c) + "/export",
                    null,
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "GET", "/audit/access", c -> "/audit/access?memberId=" + member(c), null, DPO, Scope.NONE, 200),
            new Operation("GET", "/audit/erasures", c -> "/audit/erasures", null, DPO, Scope.NONE, 200),
            new Operation("GET", "/clps", c -> "/clps", null, CLP_READERS, Scope.NONE, 200),
            new Operation("GET", "/clps/{code}", c -> "/clps/" + c.clp(), null, CLP_READERS, Scope.BY_ID, 200),
            new Operation(
                    "POST",
                    "/clps",
                    c -> "/clps",
                    c -> Map.of("code", "Z" + unique().substring(0, 6), "name", "Sweep " + unique(), "region", "Test"),
                    Set.of("admin"),
                    Scope.NONE,
                    201),
            new Operation(
                    "POST",
                    "/clps/{code}/wards",
                    c -> "/clps/" + c.clp() + "/wards",
                    c -> Map.of("code", c.clp() + "-" + unique(), "name", "Ward " + unique()),
                    Set.of("admin", "secretary"),
                    Scope.BY_ID,
                    201),
            new Operation(
                    "POST",
                    "/imports",
                    c -> "/imports",
                    c -> new Csv("membership_number,first_name,last_name,clp,ward\n"),
                    IMPORTERS,
                    Scope.NONE,
                    202,
                    PermissionSweepTest::importsSettled),
            new Operation("GET", "/imports", c -> "/imports", null, IMPORTERS, Scope.NONE, 200),
            new Operation(
                    "POST",
                    "/imports/preview",
                    c -> "/imports/preview",
                    c -> new Csv("membership_number,first_name,last_name,clp,ward\n"),
                    IMPORTERS,
                    Scope.NONE,
                    200),
            new Operation("GET", "/imports/{id}", c -> "/imports/" + importJob(c), null, IMPORTERS, Scope.BY_ID, 200),
            new Operation(
                    "GET",
                    "/imports/{id}/errors",
                    c -> "/imports/" + importJob(c) + "/errors",
                    null,
                    IMPORTERS,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/members",
                    c -> "/members",
                    c -> Api.adult(Api.uniqueNumber(), c.clp()),
                    STAFF,
                    Scope.BY_CLP,
                    201),
            new Operation("GET", "/members", c -> "/members?clp=" + c.clp(), null, READERS, Scope.BY_CLP, 200),
            new Operation("GET", "/members/{id}", c -> "/members/" + member(c), null, READERS, Scope.BY_ID, 200),
            new Operation(
                    "PUT",
                    "/members/{id}",
                    c -> "/members/" + member(c),
                    c -> Api.adult(Api.uniqueNumber(), c.clp()),
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/members/{id}/status",
                    c -> "/members/" + member(c) + "/status",
                    c -> Map.of("status", "LAPSED"),
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/members/{id}/contacts",
                    c -> "/members/" + member(c) + "/contacts",
                    c -> Map.of("kind", "CALLED", "notes", "Sweep call"),
                    STAFF,
                    Scope.BY_ID,
                    201),
            new Operation(
                    "GET",
                    "/members/{id}/contacts",
                    c -> "/members/" + member(c) + "/contacts",
                    null,
                    STAFF,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/members/{id}/erasure",
                    c -> "/members/" + member(c) + "/erasure",
                    c -> Map.of("reference", "SWEEP"),
                    DPO,
                    Scope.NONE,
                    200));

    @Test
    void everyOperationAsEveryPersonOnTheirOwnAndAnotherClpGetsExactlyItsStatus() {
        PermissionSweep.Result result = PermissionSweep.verify("members-service", OPERATIONS);
        assertThat(result.calls() > 0, equalTo(true));
    }
}
