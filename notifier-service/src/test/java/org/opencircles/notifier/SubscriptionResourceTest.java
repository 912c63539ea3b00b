package org.opencircles.notifier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubscriptionResourceTest {

    @Test
    void anAdminSubscribesChangesListsAndEndsASubscription() {
        String id = Notices.subscribe(Map.of(
                "recipient",
                "Org.North@Staff.Example",
                "displayName",
                "Sam North",
                "role",
                "organiser",
                "clpCodes",
                List.of("NRA", "NRB"),
                "quietFrom",
                "22:00",
                "quietUntil",
                "07:00"));
        as("admin")
                .get("/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("recipient", equalTo("org.north@staff.example"))
                .body("role", equalTo("organiser"))
                .body("clpCodes", contains("NRA", "NRB"))
                .body("quietFrom", equalTo("22:00:00"))
                .body("quietUntil", equalTo("07:00:00"))
                .body("timeZone", equalTo("Europe/London"))
                .body("createdBy", equalTo("admin"));

        as("admin")
                .get("/subscriptions?clp=NRB&role=organiser")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        as("admin").get("/subscriptions?clp=NRC").then().statusCode(200).body("items.id", not(hasItem(id)));

        as("admin")
                .body(Map.of(
                        "recipient",
                        "org.north@staff.example",
                        "displayName",
                        "Sam North",
                        "role",
                        "organiser",
                        "clpCodes",
                        List.of("NRC"),
                        "timeZone",
                        "Europe/Dublin"))
                .put("/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("clpCodes", contains("NRC"))
                .body("quietFrom", nullValue())
                .body("timeZone", equalTo("Europe/Dublin"));
        as("admin").get("/subscriptions?clp=NRC").then().body("items.id", hasItem(id));

        as("admin").delete("/subscriptions/" + id).then().statusCode(204);
        as("admin").get("/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        Map<String, Object> good = Map.of(
                "recipient",
                "sec.bad@staff.example",
                "displayName",
                "Pat",
                "role",
                "secretary",
                "clpCodes",
                List.of("BAD"));
        refused(with(good, "recipient", "not-an-address"), "recipient");
        refused(with(good, "role", "treasurer"), "role");
        refused(with(good, "clpCodes", List.of()), "clpCodes");
        refused(with(good, "clpCodes", List.of("dulwich; drop table")), "clpCodes");
        refused(with(good, "quietFrom", "22:00"), "quietUntil");
        refused(with(with(good, "quietFrom", "25:00"), "quietUntil", "07:00"), "quietFrom");
        refused(with(good, "timeZone", "Mars/Olympus"), "timeZone");
        as("admin").get("/subscriptions?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("admin").get("/subscriptions/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));

        Notices.subscribe(good);
        as("admin").body(good).post("/subscriptions").then().statusCode(409).contentType("application/problem+json");
        as("admin")
                .get("/subscriptions?clp=BAD&role=secretary")
                .then()
                .body("total", equalTo(1))
                .body("items[0].recipient", equalTo("sec.bad@staff.example"));
    }

    @Test
    void onlyAnAdminManagesSubscriptionsAndReadsTheSentLog() {
        as("sec-dwn").get("/subscriptions").then().statusCode(403);
        as("organiser-national").get("/emails").then().statusCode(403);
        as("sec-dwn")
                .body(Map.of(
                        "recipient",
                        "me@staff.example",
                        "displayName",
                        "Me",
                        "role",
                        "secretary",
                        "clpCodes",
                        List.of("*")))
                .post("/subscriptions")
                .then()
                .statusCode(403);
        RestAssured.get("/subscriptions").then().statusCode(401);
        RestAssured.get("/emails").then().statusCode(401);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static void refused(Map<String, Object> body, String field) {
        as("admin")
                .body(body)
                .post("/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith(field)));
    }
}
