package org.opencircles.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Least privilege, checked exhaustively: every operation of a service, as every demo person, against objects in a CLP
 * they hold and one they do not, with the exact status each must get. The table of operations is the specification;
 * the service's OpenAPI document must list exactly the operations in it, so a new endpoint cannot escape the sweep.
 */
public final class PermissionSweep {

    /** Where the object an operation touches lives, relative to the person calling. */
    public enum Target {
        OWN,
        OTHER
    }

    /** How an operation is scoped when the caller does not hold the object's CLP. */
    public enum Scope {
        /** The path names an object by id: another CLP's object is a 404 (its existence is personal data). */
        BY_ID(404),
        /** The path or body names a CLP: asking for one you do not hold is a 403. */
        BY_CLP(403),
        /** Not scoped by CLP (a role decides alone). */
        NONE(0);

        final int otherClpStatus;

        Scope(int otherClpStatus) {
            this.otherClpStatus = otherClpStatus;
        }
    }

    /**
     * One call of the sweep: who calls, the CLP the object they touch lives in, and whether their role may call at
     * all (if not, any existing object will do: the answer is 403 before it is looked at).
     */
    public record Call(String person, String clp, Target target, boolean roleAllowed) {}

    /** A CSV body, sent as text/csv rather than JSON. */
    public record Csv(String text) {}

    /**
     * One operation: {@code path} and {@code body} are made fresh for each call (so writes do not interfere with each
     * other); {@code success} is the status a permitted call gets; {@code settle}, if any, runs after each call.
     */
    public record Operation(
            String method,
            String openApiPath,
            Function<Call, String> path,
            Function<Call, Object> body,
            Set<String> roles,
            Scope scope,
            int success,
            Runnable settle) {
        public Operation(
                String method,
                String openApiPath,
                Function<Call, String> path,
                Function<Call, Object> body,
                Set<String> roles,
                Scope scope,
                int success) {
            this(method, openApiPath, path, body, roles, scope, success, null);
        }
    }

    /** What the sweep found: how many calls, by status, and every call whose status was not the expected one. */
    public record Result(
            int calls,
            Map<Integer, Integer> byStatus,
            List<String> mismatches,
            int forbiddenSuccesses,
            int serverErrors) {
        @Override
        public String toString() {
            return calls + " calls, statuses " + byStatus + ", " + forbiddenSuccesses + " forbidden successes, "
                    + serverErrors + " server errors, " + mismatches.size() + " mismatches";
        }
    }

    private PermissionSweep() {}

    /**
     * Runs every operation as every demo person; {@code ownClp} and {@code otherClp} say, per person, which CLP they
     * hold and which they do not (null when they hold every CLP).
     */
    public static Result run(
            List<Operation> operations, Function<String, String> ownClp, Function<String, String> otherClp) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        int forbiddenSuccesses = 0;
        int serverErrors = 0;
        for (Operation op : operations) {
            for (String person : StaffDirectory.roles().keySet()) {
                List<String> roles = StaffDirectory.roles().get(person);
                boolean roleAllowed = roles.stream().anyMatch(op.roles()::contains);
                for (Target target : Target.values()) {
                    String clp = target == Target.OWN ? ownClp.apply(person) : otherClp.apply(person);
                    if (clp == null) {
                        continue;
                    }
                    int expected = !roleAllowed
                            ? 403
                            : target == Target.OTHER && op.scope() != Scope.NONE
                                    ? op.scope().otherClpStatus
                                    : op.success();
                    int actual =
                            call(op, new Call(person, clp, target, roleAllowed)).statusCode();
                    if (op.settle() != null) {
                        op.settle().run();
                    }
                    calls++;
                    byStatus.merge(actual, 1, Integer::sum);
                    boolean shouldFail = expected >= 400;
                    if (shouldFail && actual < 400) {
                        forbiddenSuccesses++;
                    }
                    if (actual >= 500) {
                        serverErrors++;
                    }
                    if (actual != expected) {
                        mismatches.add(op.method() + " " + op.openApiPath() + " as " + person + " on " + target
                                + " CLP " + clp + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        return new Result(calls, byStatus, mismatches, forbiddenSuccesses, serverErrors);
    }

    /**
     * The whole check for one service: the table covers exactly the documented operations, and every call gets its
     * expected status (so no forbidden success and no server error). Prints the counts; returns them.
     */
    public static Result verify(String service, List<Operation> serviceOperations) {
        List<Operation> operations = new ArrayList<>(serviceOperations);
        operations.addAll(platformOperations());
        Set<String> documented = documentedOperations();
        Set<String> covered = covered(operations);
        if (!documented.equals(covered)) {
            throw new AssertionError(service + ": the sweep must cover exactly the documented operations; documented "
                    + documented + ", covered " + covered);
        }
        Result result = run(operations, PermissionSweep::ownClp, PermissionSweep::otherClp);
        System.out.println("[permission sweep] " + service + ": " + result);
        if (!result.mismatches().isEmpty() || result.forbiddenSuccesses() > 0 || result.serverErrors() > 0) {
            throw new AssertionError(service + ": " + result + "\n" + String.join("\n", result.mismatches()));
        }
        return result;
    }

    /**
     * The operations every service has from the platform: the operator's dead letters. A dead letter that does not
     * exist is what an operator gets a 404 for; everyone else is refused (403) before it is looked for.
     */
    public static List<Operation> platformOperations() {
        Set<String> operator = Set.of("operator");
        return List.of(
                new Operation(
                        "GET", "/admin/dead-letters", c -> "/admin/dead-letters", null, operator, Scope.NONE, 200),
                new Operation(
                        "GET",
                        "/admin/dead-letters/{id}",
                        c -> "/admin/dead-letters/0-999999999",
                        null,
                        operator,
                        Scope.NONE,
                        404),
                new Operation(
                        "POST",
                        "/admin/dead-letters/{id}/replay",
                        c -> "/admin/dead-letters/0-999999999/replay",
                        null,
                        operator,
                        Scope.NONE,
                        404),
                new Operation(
                        "POST",
                        "/admin/dead-letters/replay",
                        c -> "/admin/dead-letters/replay?type=sweep.never-published",
                        null,
                        operator,
                        Scope.NONE,
                        200),
                new Operation(
                        "POST",
                        "/admin/dead-letters/{id}/discard",
                        c -> "/admin/dead-letters/0-999999999/discard",
                        c -> Map.of("reason", "Sweep"),
                        operator,
                        Scope.NONE,
                        404));
    }

    private static Response call(Operation op, Call call) {
        Object body = op.body() == null ? null : op.body().apply(call);
        RequestSpecification request =
                body instanceof Csv ? Staff.signedIn(call.person()).contentType("text/csv") : Staff.as(call.person());
        if (body instanceof Csv csv) {
            request = request.body(csv.text());
        } else if (body != null) {
            request = request.body(body);
        }
        return request.request(op.method(), op.path().apply(call));
    }

    /** The operations the service's OpenAPI document lists, as "METHOD /path" (Quarkus' own /q paths left out). */
    public static Set<String> documentedOperations() {
        try {
            JsonNode doc = new ObjectMapper()
                    .readTree(RestAssured.given()
                            .queryParam("format", "json")
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            Set<String> operations = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> operations.add(m.toUpperCase() + " " + path.getKey()));
            }
            return operations;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
    }

    /** The operations a table covers, as "METHOD /path". */
    public static Set<String> covered(List<Operation> operations) {
        Set<String> covered = new TreeSet<>();
        operations.forEach(op -> covered.add(op.method() + " " + op.openApiPath()));
        return covered;
    }

    /** The CLP a demo person holds (the first clp: role), or DWN for those who hold every CLP. */
    public static String ownClp(String person) {
        return StaffDirectory.roles().get(person).stream()
                .filter(r -> r.startsWith("clp:"))
                .map(r -> r.substring(4))
                .map(c -> "*".equals(c) ? "DWN" : c)
                .findFirst()
                .orElse("DWN");
    }

    /** A CLP the demo person does not hold, or null for those who hold every CLP. */
    public static String otherClp(String person) {
        List<String> clps = StaffDirectory.roles().get(person).stream()
                .filter(r -> r.startsWith("clp:"))
                .map(r -> r.substring(4))
                .toList();
        if (clps.contains("*")) {
            return null;
        }
        return List.of("DWN", "ISN", "CRN", "CHT").stream()
                .filter(c -> !clps.contains(c))
                .findFirst()
                .orElseThrow();
    }
}
