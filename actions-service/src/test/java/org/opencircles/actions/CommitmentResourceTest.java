package org.opencircles.actions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

@QuarkusTest
class CommitmentResourceTest {

    private static Map<String, Object> commitment(String clp, String kind, List<UUID> owners) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "clpCode",
                clp,
                "kind",
                kind,
                "title",
                "Start a local youth mentoring programme",
                "madeAt",
                "Connecting to Win, Liverpool",
                "ownerMemberIds",
                owners,
                "dueOn",
                LocalDate.now().plusDays(60).toString()));
        if ("FUNDRAISING".equals(kind)) {
            body.put("targetPence", 2_500_000L);
        }
        return body;
    }

    /** The member projection fills from the topic; until it has the owner, the request is refused, then accepted. */
    private static String makeWhenOwnersKnown(String user, Map<String, Object> body) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as(user).body(body)
                                        .post("/commitments")
                                        .then()
                                        .extract()
                                        .statusCode()
                                == 201
                        || as(user).get("/commitments?clp=" + body.get("clpCode"))
                                .then()
                                .extract()
                                .<List<String>>path("items.title")
                                .contains((String) body.get("title")));
        return as(user).get("/commitments?clp=" + body.get("clpCode"))
                .then()
                .extract()
                .path("items.find { it.title == '" + body.get("title") + "' }.id");
    }

    @Test
    void aCommitmentIsTrackedToDoneWithItsTrail() {
        UUID owner = Upstream.memberJoined("DWN");
        Map<String, Object> body = commitment("DWN", "YOUTH_MENTORING_PROGRAMME", List.of(owner));
        String id = makeWhenOwnersKnown("sec-dwn", body);

        as("sec-dwn")
                .get("/commitments/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMMITTED"))
                .body("madeAt", equalTo("Connecting to Win, Liverpool"))
                .body("ownerMemberIds", contains(owner.toString()))
                .body("overdue", equalTo(false));
        as("sec-dwn")
                .body(Map.of("percentComplete", 40, "note", "Three mentors recruited"))
                .post("/commitments/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("percentComplete", equalTo(40));
        as("sec-dwn")
                .body(Map.of("status", "DONE", "note", "First cohort started"))
                .post("/commitments/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("percentComplete", equalTo(100))
                .body("completedOn", equalTo(LocalDate.now().toString()))
                .body("updates.note", contains("Three mentors recruited", "First cohort started"));
        as("sec-dwn")
                .body(Map.of("status", "IN_PROGRESS"))
                .post("/commitments/" + id + "/progress")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));

        List<TopicProbe.Received> progressed = TopicProbe.awaitRecords(
                KafkaBroker.bootstrapServers(),
                "commitment-events",
                r -> id.equals(r.key())
                        && "commitment.progressed".equals(r.value().path("type").asText()),
                2,
                Duration.ofSeconds(20));
        // Progress notes are free text: they stay in actions-service, the topic carries status and figures (v2).
        assertThat(progressed.get(0).value().path("version").asInt(), equalTo(2));
        assertThat(progressed.get(1).value().path("payload").path("status").asText(), equalTo("DONE"));
        assertThat(progressed.toString(), not(containsString("mentors recruited")));
        assertThat(progressed.get(0).value().path("payload").has("note"), equalTo(false));

        TopicProbe.Received made = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "commitment-events",
                r -> id.equals(r.key())
                        && "commitment.made".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(made.value().path("payload").path("kind").asText(), equalTo("YOUTH_MENTORING_PROGRAMME"));
        assertThat(made.value().path("payload").path("ownerMemberIds").get(0).asText(), equalTo(owner.toString()));
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "commitment-events",
                r -> id.equals(r.key())
                        && "DONE"
                                .equals(r.value().path("payload").path("status").asText()),
                Duration.ofSeconds(20));
    }

    @Test
    void fundraisingTracksMoneyRaisedAgainstTarget() {
        UUID owner = Upstream.memberJoined("DWN");
        Map<String, Object> body = commitment("DWN", "FUNDRAISING", List.of(owner));
        body.put("title", "Raise money for a local organiser");
        String id = makeWhenOwnersKnown("sec-dwn", body);
        as("sec-dwn")
                .body(Map.of("raisedPence", 625_000L, "note", "Quiz night and standing orders"))
                .post("/commitments/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("raisedPence", equalTo(625_000))
                .body("percentComplete", equalTo(25))
                .body("status", equalTo("IN_PROGRESS"));
        as("organiser-london")
                .get("/dashboard/DWN")
                .then()
                .statusCode(200)
                .body("story", hasItem(containsString("raised of a £25,000.00 target")));
    }

    @Test
    void badCommitmentsAreRefusedNamingTheField() {
        UUID stranger = UUID.randomUUID();
        as("sec-dwn")
                .body(commitment("DWN", "CAMPAIGN", List.of(stranger)))
                .post("/commitments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("ownerMemberIds"))
                .body("errors[0].reason", containsString("not known"));
        Map<String, Object> noTarget = commitment("DWN", "CAMPAIGN", List.of(stranger));
        noTarget.put("kind", "FUNDRAISING");
        as("sec-dwn")
                .body(noTarget)
                .post("/commitments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("targetPence"));
        Map<String, Object> past = commitment("DWN", "CAMPAIGN", List.of(stranger));
        past.put("dueOn", LocalDate.now().minusDays(1).toString());
        as("sec-dwn").body(past).post("/commitments").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        Map<String, Object> badKind = commitment("DWN", "CAMPAIGN", List.of(stranger));
        badKind.put("kind", "PARTY");
        as("sec-dwn")
                .body(badKind)
                .post("/commitments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("sec-dwn")
                .body(commitment("ISN", "CAMPAIGN", List.of(stranger)))
                .post("/commitments")
                .then()
                .statusCode(403);
        as("sec-dwn")
                .get("/commitments?status=maybe")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("sec-isn").get("/commitments?size=200").then().statusCode(200).body("items.clpCode", not(hasItem("DWN")));
    }
}
