package org.opencircles.mentoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.PermissionSweep;
import org.opencircles.testkit.PermissionSweep.Call;
import org.opencircles.testkit.PermissionSweep.Operation;
import org.opencircles.testkit.PermissionSweep.Scope;

/** Every mentoring-service operation × every demo person × their own CLP and another: the exact status each gets. */
@QuarkusTest
class PermissionSweepTest {

    private static final Set<String> YOUTH = Set.of("youth-officer");
    private static final Set<String> VIEWERS = Set.of("youth-officer", "organiser");

    private static Map<String, Object> checked() {
        return Members.check("ENHANCED_WITH_BARRED_LIST", LocalDate.now().plusYears(2));
    }

    /** Objects made once per CLP, for calls whose answer cannot depend on the object (their role may not call). */
    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    private static String fresh(Call call, String kind, Supplier<String> make) {
        return call.roleAllowed() ? make.get() : SHARED.computeIfAbsent(kind + "/" + call.clp(), k -> make.get());
    }

    /** A fresh mentor in {@code clp}: an adult member with an enhanced check and training. */
    private static String mentor(Call call) {
        return fresh(
                call,
                "mentor",
                () -> Members.mentor(
                        Members.joined(call.clp(), 35, false),
                        checked(),
                        LocalDate.now().minusDays(10).toString()));
    }

    /** A fresh mentee in {@code clp}: a 16-year-old with a guardian's consent. */
    private static String mentee(Call call) {
        return fresh(call, "mentee", () -> Members.mentee(Members.joined(call.clp(), 16, true)));
    }

    /** A fresh pairing in {@code clp}, proposed or (with {@code active}) started. */
    private static String pairing(Call call, boolean active) {
        return fresh(call, active ? "active-pairing" : "pairing", () -> newPairing(call, active));
    }

    private static String newPairing(Call call, boolean active) {
        Call fresh = new Call(call.person(), call.clp(), call.target(), true);
        String id = as("youth-officer")
                .body(Map.of("mentorId", mentor(fresh), "menteeId", mentee(fresh)))
                .post("/pairings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        if (active) {
            as("youth-officer")
                    .body("{}")
                    .post("/pairings/" + id + "/activate")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private static final Set<String> RAISERS = Set.of("secretary", "organiser", "youth-officer", "safeguarding-lead");
    private static final Set<String> CONCERN_READERS = Set.of("safeguarding-lead", "data-protection");
    private static final Set<String> LEAD = Set.of("safeguarding-lead");

    private static Map<String, Object> concernAbout(String mentee) {
        return Map.of(
                "subjectType",
                "MENTEE",
                "subjectId",
                mentee,
                "category",
                "WELLBEING",
                "account",
                "Seemed withdrawn and said they were being messaged by strangers",
                "occurredOn",
                LocalDate.now().toString());
    }

    /** A fresh open concern about a mentee in {@code clp}, raised by the youth officer (who covers every CLP). */
    private static String concern(Call call) {
        return fresh(
                call,
                "concern",
                () -> as("youth-officer")
                        .body(concernAbout(mentee(call)))
                        .post("/concerns")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation(
                    "POST", "/concerns", c -> "/concerns", c -> concernAbout(mentee(c)), RAISERS, Scope.BY_CLP, 201),
            new Operation(
                    "GET", "/concerns", c -> "/concerns?clp=" + c.clp(), null, CONCERN_READERS, Scope.BY_CLP, 200),
            new Operation(
                    "GET", "/concerns/{id}", c -> "/concerns/" + concern(c), null, CONCERN_READERS, Scope.BY_ID, 200),
            new Operation(
                    "POST",
                    "/concerns/{id}/notes",
                    c -> "/concerns/" + concern(c) + "/notes",
                    c -> Map.of("note", "Spoke to the youth officer"),
                    LEAD,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/concerns/{id}/outcome",
                    c -> "/concerns/" + concern(c) + "/outcome",
                    c -> Map.of("outcome", "ADVICE_GIVEN", "note", "Advice on blocking and reporting"),
                    LEAD,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/cohorts",
                    c -> "/cohorts",
                    c -> Map.of(
                            "name",
                            "Sweep cohort",
                            "clpCode",
                            c.clp(),
                            "startsOn",
                            LocalDate.now().toString(),
                            "endsOn",
                            LocalDate.now().plusMonths(3).toString()),
                    YOUTH,
                    Scope.BY_CLP,
                    201),
            new Operation("GET", "/cohorts", c -> "/cohorts", null, VIEWERS, Scope.NONE, 200),
            new Operation(
                    "POST",
                    "/mentees",
                    c -> "/mentees",
                    c -> Map.of("memberId", Members.known(c.clp(), 16, true), "goals", List.of("CAMPAIGNING")),
                    YOUTH,
                    Scope.BY_CLP,
                    201),
            new Operation("GET", "/mentees", c -> "/mentees?clp=" + c.clp(), null, VIEWERS, Scope.BY_CLP, 200),
            new Operation("GET", "/mentees/{id}", c -> "/mentees/" + mentee(c), null, VIEWERS, Scope.BY_ID, 200),
            new Operation(
                    "GET",
                    "/mentees/{id}/suggestions",
                    c -> "/mentees/" + mentee(c) + "/suggestions",
                    null,
                    YOUTH,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/mentors",
                    c -> "/mentors",
                    c -> Map.of(
                            "memberId",
                            Members.known(c.clp(), 40, false),
                            "skills",
                            List.of("ORGANISING"),
                            "capacity",
                            1,
                            "check",
                            checked()),
                    YOUTH,
                    Scope.BY_CLP,
                    201),
            new Operation(
                    "GET",
                    "/mentors",
                    c -> "/mentors?clp=" + c.clp(),
                    null,
                    Set.of("youth-officer", "organiser", "data-protection"),
                    Scope.BY_CLP,
                    200),
            new Operation(
                    "GET",
                    "/mentors/{id}",
                    c -> "/mentors/" + mentor(c),
                    null,
                    Set.of("youth-officer", "organiser", "data-protection"),
                    Scope.BY_ID,
                    200),
            new Operation(
                    "PUT",
                    "/mentors/{id}/safeguarding",
                    c -> "/mentors/" + mentor(c) + "/safeguarding",
                    c -> Map.of("check", checked()),
                    YOUTH,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/pairings",
                    c -> "/pairings",
                    c -> Map.of("mentorId", mentor(c), "menteeId", mentee(c)),
                    YOUTH,
                    Scope.BY_CLP,
                    201),
            new Operation(
                    "GET", "/pairings/{id}", c -> "/pairings/" + pairing(c, false), null, YOUTH, Scope.BY_ID, 200),
            new Operation(
                    "POST",
                    "/pairings/{id}/activate",
                    c -> "/pairings/" + pairing(c, false) + "/activate",
                    c -> Map.of(),
                    YOUTH,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/pairings/{id}/end",
                    c -> "/pairings/" + pairing(c, true) + "/end",
                    c -> Map.of("reason", "COMPLETED"),
                    YOUTH,
                    Scope.BY_ID,
                    200),
            new Operation(
                    "POST",
                    "/pairings/{id}/sessions",
                    c -> "/pairings/" + pairing(c, true) + "/sessions",
                    c -> Map.of(
                            "heldOn", LocalDate.now().toString(), "minutes", 45, "mode", "VIDEO", "supervised", true),
                    YOUTH,
                    Scope.BY_ID,
                    201),
            new Operation(
                    "GET",
                    "/pairings/{id}/sessions",
                    c -> "/pairings/" + pairing(c, true) + "/sessions",
                    null,
                    YOUTH,
                    Scope.BY_ID,
                    200));

    @Test
    void everyOperationAsEveryPersonOnTheirOwnAndAnotherClpGetsExactlyItsStatus() {
        PermissionSweep.Result result = PermissionSweep.verify("mentoring-service", OPERATIONS);
        assertThat(result.calls() > 0, equalTo(true));
    }
}
