package org.opencircles.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencircles.members.Api.adult;
import static org.opencircles.members.Api.uniqueNumber;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencircles.events.AuditPayloads;
import org.opencircles.testkit.UpstreamEvents;

@QuarkusTest
class MemberResourceTest {

    @BeforeEach
    void clps() {
        Api.clpWithWard("ISN", "Islington North");
        Api.clpWithWard("CHT", "Cheltenham");
    }

    @Test
    void secretaryRegistersReadsAndUpdatesAMember() {
        String number = uniqueNumber();
        String id = as("sec-isn")
                .body(adult(number, "ISN"))
                .post("/members")
                .then()
                .statusCode(201)
                .body("membershipNumber", equalTo(number))
                .body("postcode", equalTo("SE21 8AB"))
                .body("status", equalTo("ACTIVE"))
                .body("ageBand", equalTo("ADULT_27_PLUS"))
                .body("minor", equalTo(false))
                .body("interests", contains("campaigning", "fundraising"))
                .body("joinedOn", equalTo(LocalDate.now().toString()))
                .extract()
                .path("id");

        Map<String, Object> changed = adult(number, "ISN");
        changed.put("email", "ada.adams@example.org");
        int version = as("sec-isn")
                .get("/members/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo("ada@example.org"))
                .extract()
                .path("version");
        as("sec-isn")
                .header("If-Match", String.valueOf(version))
                .body(changed)
                .put("/members/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo("ada.adams@example.org"));
        // Search follows the change (the database keeps its table from the member row).
        as("sec-isn")
                .get("/members?q=ada.adams@example")
                .then()
                .body("items.id", contains(id))
                .body("total", equalTo(1));
        // A second writer holding the old version is told, not silently overwritten.
        as("sec-isn")
                .header("If-Match", String.valueOf(version))
                .body(adult(number, "ISN"))
                .put("/members/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("sec-isn").get("/members/" + id).then().body("email", equalTo("ada.adams@example.org"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        String number = uniqueNumber();
        Map<String, Object> bad = adult(number, "ISN");
        bad.put("email", "not-an-email");
        bad.put("postcode", "12345");
        as("sec-isn")
                .body(bad)
                .post("/members")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("postcode"));

        Map<String, Object> wrongWard = adult(number, "ISN");
        wrongWard.put("wardCode", "CHT-W1");
        as("sec-isn")
                .body(wrongWard)
                .post("/members")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("wardCode"))
                .body("errors[0].reason", containsString("not in CLP ISN"));

        Map<String, Object> tooYoung = adult(number, "ISN");
        tooYoung.put("dateOfBirth", LocalDate.now().minusYears(13).toString());
        tooYoung.put("guardian", Map.of("name", "Pat Parent", "email", "pat@example.org"));
        as("sec-isn")
                .body(tooYoung)
                .post("/members")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"))
                .body("errors[0].reason", containsString("at least 14"));

        Map<String, Object> minorAlone = adult(number, "ISN");
        minorAlone.put("dateOfBirth", LocalDate.now().minusYears(15).toString());
        as("sec-isn")
                .body(minorAlone)
                .post("/members")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("guardian"));

        as("sec-isn")
                .body("{\"membershipNumber\": \"X1\", \"favouriteColour\": \"red\"}")
                .post("/members")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("favouriteColour"))
                .body("errors[0].reason", equalTo("is not a known field"));
        as("sec-isn")
                .body("{\"membershipNumber\": ")
                .post("/members")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", not(containsString("jackson")));
        Map<String, Object> badDate = adult(number, "ISN");
        badDate.put("dateOfBirth", "31/02/2001");
        as("sec-isn")
                .body(badDate)
                .post("/members")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"))
                .body("errors[0].reason", containsString("date"));
        as("sec-isn").get("/members?status=sleeping").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("sec-isn").get("/members/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));

        as("sec-isn")
                .get("/members?clp=ISN&size=200")
                .then()
                .statusCode(200)
                .body("items.membershipNumber", not(hasItem(number)));
    }

    @Test
    void aMinorNeedsAGuardianAndIsShownAsAMinor() {
        Map<String, Object> youth = adult(uniqueNumber(), "ISN");
        youth.put("dateOfBirth", LocalDate.now().minusYears(15).toString());
        youth.put(
                "guardian",
                Map.of(
                        "name",
                        "Pat Parent",
                        "phone",
                        "07700 900456",
                        "consentGivenOn",
                        LocalDate.now().toString()));
        as("sec-isn")
                .body(youth)
                .post("/members")
                .then()
                .statusCode(201)
                .body("minor", equalTo(true))
                .body("ageBand", equalTo("UNDER_18"))
                .body("guardian.name", equalTo("Pat Parent"));
    }

    @Test
    void listFiltersByStatusAgeBandInterestAndContactAndPages() {
        String clp = "CHT";
        String contacted = as("sec-cht")
                .body(adult(uniqueNumber(), clp))
                .post("/members")
                .then()
                .extract()
                .path("id");
        String quiet = as("sec-cht")
                .body(adult(uniqueNumber(), clp))
                .post("/members")
                .then()
                .extract()
                .path("id");
        Map<String, Object> young = adult(uniqueNumber(), clp);
        young.put("dateOfBirth", LocalDate.now().minusYears(20).toString());
        young.put("interests", List.of("youth mentoring"));
        String youngId =
                as("sec-cht").body(young).post("/members").then().extract().path("id");

        as("sec-cht")
                .body(Map.of("kind", "CALLED", "notes", "Keen to canvass"))
                .post("/members/" + contacted + "/contacts")
                .then()
                .statusCode(201)
                .body("kind", equalTo("CALLED"))
                .body("loggedBy", equalTo("sec-cht"));
        as("sec-cht")
                .body(Map.of("kind", "NO_ANSWER"))
                .post("/members/" + quiet + "/contacts")
                .then()
                .statusCode(201);

        as("sec-cht")
                .get("/members?clp=CHT&notContactedForDays=7&size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(quiet))
                .body("items.id", hasItem(youngId))
                .body("items.id", not(hasItem(contacted)));
        as("sec-cht")
                .get("/members?clp=CHT&ageBand=youth-18-to-26")
                .then()
                .statusCode(200)
                .body("items.id", contains(youngId))
                .body("total", equalTo(1));
        as("sec-cht")
                .get("/members?clp=CHT&interest=Youth Mentoring")
                .then()
                .statusCode(200)
                .body("items.id", contains(youngId));
        as("sec-cht")
                .get("/members?clp=CHT&size=2&page=0")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("total", greaterThanOrEqualTo(3));

        as("sec-cht")
                .body(Map.of("status", "RESIGNED", "reason", "moved away"))
                .post("/members/" + quiet + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESIGNED"));
        as("sec-cht")
                .get("/members?clp=CHT&status=active&size=200")
                .then()
                .body("items.id", not(hasItem(quiet)))
                .body("items.status", everyItem(equalTo("ACTIVE")));
        // Rejoining is allowed; a resigned member cannot lapse.
        as("sec-cht")
                .body(Map.of("status", "LAPSED"))
                .post("/members/" + quiet + "/status")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        as("sec-cht")
                .body(Map.of("status", "ACTIVE"))
                .post("/members/" + quiet + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        as("sec-cht")
                .get("/members/" + contacted + "/contacts")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.notes", contains("Keen to canvass"));
        as("sec-cht").get("/members/" + contacted).then().body("lastContactedAt", notNullValue());
        as("sec-cht").get("/members/" + quiet).then().body("lastContactedAt", nullValue());
    }

    @Test
    void membersInArrearsPastTheGracePeriodLapseAtOnce() {
        Map<String, Object> inArrears = adult(uniqueNumber(), "ISN");
        inArrears.put("arrearsSince", LocalDate.now().minusMonths(7).toString());
        as("sec-isn").body(inArrears).post("/members").then().statusCode(201).body("status", equalTo("LAPSED"));
        Map<String, Object> recent = adult(uniqueNumber(), "ISN");
        recent.put("arrearsSince", LocalDate.now().minusMonths(1).toString());
        as("sec-isn").body(recent).post("/members").then().statusCode(201).body("status", equalTo("ACTIVE"));
    }

    @Test
    void otherClpsMembersAreInvisibleAndUnwritable() {
        String id = as("sec-isn")
                .body(adult(uniqueNumber(), "ISN"))
                .post("/members")
                .then()
                .extract()
                .path("id");
        as("sec-cht").get("/members/" + id).then().statusCode(404);
        as("sec-cht").get("/members?clp=ISN").then().statusCode(403);
        as("sec-cht").body(adult(uniqueNumber(), "ISN")).post("/members").then().statusCode(403);
        as("organiser-london").get("/members/" + id).then().statusCode(200);
        as("sec-cht").get("/members?size=200").then().statusCode(200).body("items.clpCode", everyItem(equalTo("CHT")));
    }

    @Test
    void erasureRemovesPersonalDataAndIsRecordedAndAudited() {
        String id = as("sec-isn")
                .body(adult(uniqueNumber(), "ISN"))
                .post("/members")
                .then()
                .extract()
                .path("id");
        as("sec-isn")
                .body(Map.of("kind", "MET", "notes", "Met at the ward meeting"))
                .post("/members/" + id + "/contacts");
        as("sec-isn").get("/members/" + id).then().statusCode(200);

        as("sec-isn")
                .body(Map.of("reference", "DSAR-1"))
                .post("/members/" + id + "/erasure")
                .then()
                .statusCode(403);
        as("dpo")
                .body(Map.of("reference", "DSAR-42"))
                .post("/members/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("memberId", equalTo(id))
                .body("requestedBy", equalTo("dpo"))
                .body("reference", equalTo("DSAR-42"));

        as("sec-isn").get("/members/" + id).then().statusCode(410).contentType("application/problem+json");
        as("sec-isn").get("/members?clp=ISN&size=200").then().body("items.id", not(hasItem(id)));
        as("dpo").get("/audit/erasures").then().statusCode(200).body("items.memberId", hasItem(id));

        // mentoring-service kept a safeguarding concern about them (a legal obligation): the erasure record says so,
        // once however often the notice is delivered.
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        var kept = new AuditPayloads.RetainedOnErasure(
                UUID.fromString(id), "mentoring-service", "safeguarding-concern", 1, "LEGAL_OBLIGATION", Instant.now());
        UpstreamEvents.publish(bootstrap, kept, UUID.fromString(id));
        UpstreamEvents.publish(bootstrap, kept, UUID.fromString(id));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> as("dpo")
                        .get("/audit/erasures")
                        .then()
                        .extract()
                        .path("items.find { it.memberId == '" + id + "' }.retained")
                        .toString()
                        .contains("safeguarding-concern"));
        as("dpo")
                .get("/audit/erasures")
                .then()
                .body("items.find { it.memberId == '" + id + "' }.retained", Matchers.hasSize(1))
                .body("items.find { it.memberId == '" + id + "' }.retained[0].service", equalTo("mentoring-service"))
                .body("items.find { it.memberId == '" + id + "' }.retained[0].count", equalTo(1))
                .body("items.find { it.memberId == '" + id + "' }.retained[0].basis", equalTo("LEGAL_OBLIGATION"));
        as("dpo")
                .get("/audit/access?memberId=" + id)
                .then()
                .statusCode(200)
                .body("items.principal", hasItem("sec-isn"))
                .body("items.action", hasItem("READ"))
                .body("items.action", hasItem("ERASE"));
        as("sec-isn").get("/audit/access?memberId=" + id).then().statusCode(403);
    }
}
