package org.opencircles.mentoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

@QuarkusTest
class MentorResourceTest {

    @Test
    void aMentorIsRegisteredWithTheirCheckAndTheRecordCanBeRenewed() {
        UUID member = Members.joined("DWN", 38, false);
        String mentor = Members.mentor(
                member,
                Members.check("ENHANCED_WITH_BARRED_LIST", LocalDate.now().plusMonths(6)),
                LocalDate.now().minusDays(3).toString());
        as("youth-officer")
                .get("/mentors/" + mentor)
                .then()
                .statusCode(200)
                .body("clpCode", equalTo("DWN"))
                .body("capacity", equalTo(2))
                .body("skills", equalTo(List.of("CAMPAIGNING", "ORGANISING")))
                .body("mayMentorMinorsToday", equalTo(true));
        as("youth-officer")
                .body(Map.of(
                        "check",
                        Members.check(
                                "ENHANCED_WITH_BARRED_LIST", LocalDate.now().plusYears(3))))
                .put("/mentors/" + mentor + "/safeguarding")
                .then()
                .statusCode(200)
                .body("checkExpiresOn", equalTo(LocalDate.now().plusYears(3).toString()));
        as("sec-dwn").get("/mentors/" + mentor).then().statusCode(403);
        // The DBS certificate number is for those who check it: youth officers, and the DPO for audit.
        as("youth-officer").get("/mentors/" + mentor).then().body("checkReference", equalTo("001234567890"));
        as("dpo").get("/mentors/" + mentor).then().statusCode(200).body("checkReference", equalTo("001234567890"));
        as("organiser-london")
                .get("/mentors/" + mentor)
                .then()
                .statusCode(200)
                .body("checkLevel", equalTo("ENHANCED_WITH_BARRED_LIST"))
                .body("checkReference", Matchers.nullValue());
        as("organiser-london")
                .get("/mentors?clp=DWN")
                .then()
                .statusCode(200)
                .body("items.checkReference", Matchers.everyItem(Matchers.nullValue()));
        // Every read is audited and sent, ids only, to members-service, where the DPO reads all services' audit.
        TopicProbe.Received read = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "personal-data-access",
                r -> "organiser-london"
                                .equals(r.value()
                                        .path("payload")
                                        .path("principal")
                                        .asText())
                        && r.value()
                                .path("payload")
                                .path("subjectIds")
                                .toString()
                                .contains(member.toString()),
                Duration.ofSeconds(20));
        assertThat(read.value().path("payload").path("service").asText(), equalTo("mentoring-service"));
        assertThat(read.value().path("payload").path("subjectType").asText(), equalTo("member"));
        assertThat(read.value().path("payload").path("action").asText(), equalTo("READ"));
    }

    @Test
    void badRegistrationsAreRefusedNamingTheField() {
        UUID minor = Members.joined("DWN", 16, true);
        UUID adult = Members.joined("DWN", 30, false);
        Members.mentee(minor);
        as("youth-officer")
                .body(Map.of(
                        "memberId",
                        minor,
                        "skills",
                        List.of("ORGANISING"),
                        "capacity",
                        1,
                        "check",
                        Map.of("level", "NONE")))
                .post("/mentors")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("memberId"))
                .body("errors[0].reason", equalTo("mentors must be adults"));
        as("youth-officer")
                .body(Map.of(
                        "memberId", adult, "skills", List.of(), "capacity", 0, "check", Map.of("level", "ENHANCED")))
                .post("/mentors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("skills", "capacity"));
        as("youth-officer")
                .body(Map.of(
                        "memberId",
                        adult,
                        "skills",
                        List.of("ORGANISING"),
                        "capacity",
                        1,
                        "check",
                        Map.of("level", "ENHANCED", "issuedOn", "2025-01-01", "expiresOn", "2028-01-01")))
                .post("/mentors")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("check.reference"));
        as("youth-officer")
                .body(Map.of(
                        "memberId",
                        adult,
                        "skills",
                        List.of("JUGGLING"),
                        "capacity",
                        1,
                        "check",
                        Map.of("level", "NONE")))
                .post("/mentors")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("skills[0]"));
        as("youth-officer")
                .body(Map.of(
                        "memberId",
                        UUID.randomUUID(),
                        "skills",
                        List.of("ORGANISING"),
                        "capacity",
                        1,
                        "check",
                        Map.of("level", "NONE")))
                .post("/mentors")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("memberId"));
        UUID old = Members.joined("DWN", 40, false);
        Members.mentor(old, Members.check("NONE", null), null);
        as("youth-officer")
                .body(Map.of("memberId", old, "goals", List.of("ORGANISING")))
                .post("/mentees")
                .then()
                .statusCode(422)
                .body("errors[0].reason", equalTo("mentees must be youth members (14 to 26)"));
        as("youth-officer").get("/mentors/nope").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void cohortsGroupMenteesForTheLeadershipProgramme() {
        String id = as("youth-officer")
                .body(Map.of(
                        "name",
                        "Spring leadership programme",
                        "clpCode",
                        "ISN",
                        "startsOn",
                        "2027-03-01",
                        "endsOn",
                        "2027-06-30",
                        "focus",
                        List.of("ORGANISING", "COMMUNICATION")))
                .post("/cohorts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID member = Members.joined("ISN", 19, false);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> as("youth-officer")
                                .body(Map.of("memberId", member, "goals", List.of("ORGANISING"), "cohortId", id))
                                .post("/mentees")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);
        as("organiser-national")
                .get("/cohorts?size=200")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.mentees", equalTo(1));
        as("youth-officer")
                .body(Map.of("name", "Backwards", "clpCode", "ISN", "startsOn", "2027-03-01", "endsOn", "2027-01-01"))
                .post("/cohorts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
    }
}
