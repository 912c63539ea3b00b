package org.opencircles.mentoring;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.MemberPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.StaffDirectory;
import org.opencircles.testkit.TopicProbe;
import org.opencircles.testkit.UpstreamEvents;

/** Safeguarding concerns: suspension at once, content for the lead alone, an outcome that ends or reinstates. */
@QuarkusTest
class ConcernResourceTest {

    private static final String TRAINED = LocalDate.now().minusMonths(2).toString();
    private static final String ACCOUNT = "Mentor asked the mentee to move the chat to a private app late at night";

    @Inject
    EntityManager em;

    private static String checkedMentor(String clp) {
        return Members.mentor(
                Members.joined(clp, 34, false),
                Members.check("ENHANCED_WITH_BARRED_LIST", LocalDate.now().plusYears(1)),
                TRAINED);
    }

    private static String activePairing(String mentor, String mentee) {
        String id = as("youth-officer")
                .body(Map.of("mentorId", mentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("youth-officer")
                .body("{}")
                .post("/pairings/" + id + "/activate")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        return id;
    }

    private static Map<String, Object> concern(String type, String subject, String category) {
        return Map.of(
                "subjectType",
                type,
                "subjectId",
                subject,
                "category",
                category,
                "account",
                ACCOUNT,
                "occurredOn",
                LocalDate.now().toString());
    }

    private static Map<String, Object> session() {
        return Map.of("heldOn", LocalDate.now().toString(), "minutes", 45, "mode", "VIDEO", "supervised", false);
    }

    @Test
    void aConcernAboutAPairingSuspendsItAtOnceAndOnlyTheLeadReadsIt() {
        String mentee = Members.mentee(Members.joined("DWN", 15, true));
        String pairing = activePairing(checkedMentor("DWN"), mentee);

        String id = as("sec-dwn")
                .body(concern("PAIRING", pairing, "ONLINE_HARM"))
                .post("/concerns")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("suspendedPairingIds", contains(pairing))
                .body("account", nullValue())
                .body("category", nullValue())
                .extract()
                .path("id");

        // Everyone who runs the programme sees that the pairing is suspended, not why.
        as("youth-officer")
                .get("/pairings/" + pairing)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("endReason", nullValue())
                .body(not(containsString("ONLINE_HARM")));
        as("youth-officer")
                .body(session())
                .post("/pairings/" + pairing + "/sessions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("pairing-suspended"));

        // The content: the designated safeguarding leads covering DWN (London's, and the national lead who is every
        // CLP's fallback), and the DPO for audit; no one else, whatever their role.
        for (String person : StaffDirectory.roles().keySet()) {
            boolean mayRead = List.of("dsl-london", "dsl-national", "dpo").contains(person);
            var response = as(person).get("/concerns/" + id).then();
            if (mayRead) {
                response.statusCode(200)
                        .body("account", equalTo(ACCOUNT))
                        .body("category", equalTo("ONLINE_HARM"))
                        .body("raisedBy", equalTo("sec-dwn"))
                        .body("suspendedPairingIds", contains(pairing));
            } else {
                response.statusCode(403).body(not(containsString("private app")));
            }
        }
        as("sec-isn").get("/concerns?clp=DWN").then().statusCode(403);
        as("dsl-london")
                .get("/concerns?clp=DWN&status=OPEN")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0))
                .body("size", equalTo(50));

        // Every read is audited, forwarded to the central audit like any other.
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "personal-data-access",
                r -> "dsl-london"
                                .equals(r.value()
                                        .path("payload")
                                        .path("principal")
                                        .asText())
                        && "READ"
                                .equals(r.value().path("payload").path("action").asText())
                        && r.value()
                                .path("payload")
                                .path("subjectIds")
                                .toString()
                                .contains(id),
                Duration.ofSeconds(20));

        // Events: ids and codes only, never the account.
        TopicProbe.Received raised = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> id.equals(r.key())
                        && "concern.raised".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(raised.value().path("payload").path("category").asText(), equalTo("ONLINE_HARM"));
        assertThat(raised.value().toString(), not(containsString("private app")));
        TopicProbe.Received suspended = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> "pairing.suspended".equals(r.value().path("type").asText())
                        && pairing.equals(
                                r.value().path("payload").path("pairingId").asText()),
                Duration.ofSeconds(20));
        assertThat("a mentee's journey stays in order", suspended.key(), equalTo(mentee));

        // The lead must decide what happens to the suspended pairing.
        as("dsl-london")
                .body(Map.of("outcome", "REFERRED_TO_LADO"))
                .post("/concerns/" + id + "/outcome")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pairings"));
        as("youth-officer")
                .body(Map.of("outcome", "REFERRED_TO_LADO", "pairings", "END"))
                .post("/concerns/" + id + "/outcome")
                .then()
                .statusCode(403);
        as("dsl-london")
                .body(Map.of("note", "Called the mentee's parent"))
                .post("/concerns/" + id + "/notes")
                .then()
                .statusCode(200);
        as("dsl-london")
                .body(Map.of(
                        "outcome",
                        "REFERRED_TO_LADO",
                        "pairings",
                        "END",
                        "note",
                        "Referred to the local authority designated officer"))
                .post("/concerns/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("REFERRED_TO_LADO"))
                .body("closedAt", notNullValue())
                .body(
                        "history.kind",
                        contains("RAISED", "PAIRING_SUSPENDED", "NOTE_ADDED", "OUTCOME_RECORDED", "PAIRING_ENDED"))
                .body("history.recordedBy", contains("sec-dwn", "sec-dwn", "dsl-london", "dsl-london", "dsl-london"));
        as("youth-officer")
                .get("/pairings/" + pairing)
                .then()
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("SAFEGUARDING_CONCERN"));
        as("dsl-london")
                .body(Map.of("outcome", "NO_FURTHER_ACTION"))
                .post("/concerns/" + id + "/outcome")
                .then()
                .statusCode(422)
                .body("type", containsString("concern-closed"));
        TopicProbe.Received decided = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> id.equals(r.key())
                        && "concern.outcome-recorded"
                                .equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(decided.value().path("payload").path("outcome").asText(), equalTo("REFERRED_TO_LADO"));
        assertThat(decided.value().toString(), not(containsString("designated officer")));
    }

    @Test
    void aConcernAboutAMentorSuspendsAllTheirPairingsAndTheLeadCanReinstateThem() {
        String mentor = checkedMentor("ISN");
        String first = activePairing(mentor, Members.mentee(Members.joined("ISN", 16, true)));
        String second = activePairing(mentor, Members.mentee(Members.joined("ISN", 17, true)));

        String id = as("youth-officer")
                .body(concern("MENTOR", mentor, "MENTOR_CONDUCT"))
                .post("/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("youth-officer").get("/pairings/" + first).then().body("status", equalTo("SUSPENDED"));
        as("youth-officer").get("/pairings/" + second).then().body("status", equalTo("SUSPENDED"));

        as("dsl-london")
                .body(Map.of(
                        "outcome",
                        "NO_FURTHER_ACTION",
                        "pairings",
                        "REINSTATE",
                        "note",
                        "Messages were about a school project; parent confirmed"))
                .post("/concerns/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("history.kind", hasItem("PAIRING_REINSTATED"));
        as("youth-officer").get("/pairings/" + first).then().body("status", equalTo("ACTIVE"));
        as("youth-officer").get("/pairings/" + second).then().body("status", equalTo("ACTIVE"));
        as("youth-officer")
                .body(session())
                .post("/pairings/" + first + "/sessions")
                .then()
                .statusCode(201);
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> "pairing.reinstated".equals(r.value().path("type").asText())
                        && second.equals(
                                r.value().path("payload").path("pairingId").asText()),
                Duration.ofSeconds(20));
    }

    @Test
    void aSessionFlaggedWithAConcernOpensOneAndABarredMentorIsNeverPairedAgain() {
        String mentor = checkedMentor("DWN");
        String pairing = activePairing(mentor, Members.mentee(Members.joined("DWN", 15, true)));

        Map<String, Object> flagged = new HashMap<>(session());
        flagged.put(
                "concern",
                Map.of("category", "DISCLOSURE", "account", "The mentee said something at home frightens them"));
        String concern = as("youth-officer")
                .body(flagged)
                .post("/pairings/" + pairing + "/sessions")
                .then()
                .statusCode(201)
                .body("concernId", notNullValue())
                .extract()
                .path("concernId");
        as("youth-officer").get("/pairings/" + pairing).then().body("status", equalTo("SUSPENDED"));
        as("dsl-london")
                .get("/concerns/" + concern)
                .then()
                .statusCode(200)
                .body("subjectType", equalTo("PAIRING"))
                .body("subjectId", equalTo(pairing))
                .body("category", equalTo("DISCLOSURE"));

        as("dsl-london")
                .body(Map.of("outcome", "MENTOR_BARRED", "pairings", "REINSTATE"))
                .post("/concerns/" + concern + "/outcome")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pairings"));
        as("dsl-london")
                .body(Map.of("outcome", "MENTOR_BARRED"))
                .post("/concerns/" + concern + "/outcome")
                .then()
                .statusCode(200)
                .body("history.kind", hasItem("MENTOR_BARRED"));
        as("youth-officer").get("/mentors/" + mentor).then().body("status", equalTo("INACTIVE"));
        String another = Members.mentee(Members.joined("DWN", 16, true));
        as("youth-officer")
                .body(Map.of("mentorId", mentor, "menteeId", another))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors.reason", hasItem(containsString("barred")));
    }

    @Test
    void erasureKeepsTheConcernMinimisedAndSaysSo() {
        UUID member = Members.joined("DWN", 15, true);
        String mentee = Members.mentee(member);
        String id = as("youth-officer")
                .body(concern("MENTEE", mentee, "WELLBEING"))
                .post("/concerns")
                .then()
                .statusCode(201)
                .body("suspendedPairingIds.size()", equalTo(0))
                .extract()
                .path("id");
        as("dsl-london").get("/concerns/" + id).then().body("memberIds", contains(member.toString()));

        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(), new MemberPayloads.Erased(member, Instant.now()), member);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("dsl-london")
                        .get("/concerns/" + id)
                        .then()
                        .extract()
                        .path("memberIds")
                        .toString()
                        .equals("[]"));
        as("dpo")
                .get("/concerns/" + id)
                .then()
                .statusCode(200)
                .body("account", equalTo(ACCOUNT))
                .body("category", equalTo("WELLBEING"))
                .body("history.kind", contains("RAISED", "MEMBER_ERASED_RECORD_KEPT"));
        as("youth-officer").get("/mentees/" + mentee).then().body("memberId", nullValue());

        TopicProbe.Received kept = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "personal-data-access",
                r -> "personal-data.retained-on-erasure"
                                .equals(r.value().path("type").asText())
                        && member.toString()
                                .equals(r.value()
                                        .path("payload")
                                        .path("memberId")
                                        .asText()),
                Duration.ofSeconds(20));
        assertThat(kept.value().path("payload").path("recordType").asText(), equalTo("safeguarding-concern"));
        assertThat(kept.value().path("payload").path("count").asInt(), equalTo(1));
        assertThat(kept.value().path("payload").path("basis").asText(), equalTo("LEGAL_OBLIGATION"));
        assertThat(kept.value().toString(), not(containsString("private app")));
    }

    @Test
    void theHistoryCannotBeEditedOnlyAddedTo() {
        String mentee = Members.mentee(Members.joined("DWN", 16, true));
        String id = as("youth-officer")
                .body(concern("MENTEE", mentee, "WELLBEING"))
                .post("/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID concern = UUID.fromString(id);
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "update concern_entry set note = 'rewritten' where concern_id = :id")
                                .setParameter("id", concern)
                                .executeUpdate()));
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("delete from concern_entry where concern_id = :id")
                                .setParameter("id", concern)
                                .executeUpdate()));
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(
                                        "update concern set account = 'nothing happened' where id = :id")
                                .setParameter("id", concern)
                                .executeUpdate()));
        as("dsl-london")
                .get("/concerns/" + id)
                .then()
                .body("account", equalTo(ACCOUNT))
                .body("history.kind", contains("RAISED"));
    }

    @Test
    void badConcernsAreRefusedNamingTheField() {
        String mentee = Members.mentee(Members.joined("DWN", 16, true));
        Map<String, Object> noCategory = new HashMap<>(concern("MENTEE", mentee, "WELLBEING"));
        noCategory.remove("category");
        as("youth-officer")
                .body(noCategory)
                .post("/concerns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        as("youth-officer")
                .body(concern("MENTEE", mentee, "GOSSIP"))
                .post("/concerns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        as("youth-officer")
                .body(concern("MENTEE", UUID.randomUUID().toString(), "WELLBEING"))
                .post("/concerns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
        Map<String, Object> future = new HashMap<>(concern("MENTEE", mentee, "WELLBEING"));
        future.put("occurredOn", LocalDate.now().plusDays(2).toString());
        as("youth-officer")
                .body(future)
                .post("/concerns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredOn"));
        Map<String, Object> blank = new HashMap<>(concern("MENTEE", mentee, "WELLBEING"));
        blank.put("account", "  ");
        as("youth-officer")
                .body(blank)
                .post("/concerns")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("account"));
        as("dsl-london").get("/concerns/not-an-id").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("dsl-london")
                .get("/concerns?status=MAYBE")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("dsl-london").get("/concerns?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("dsl-london").get("/concerns/" + UUID.randomUUID()).then().statusCode(404);
    }
}
