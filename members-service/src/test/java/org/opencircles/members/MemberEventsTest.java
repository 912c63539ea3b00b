package org.opencircles.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.opencircles.members.Api.adult;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencircles.events.AuditPayloads;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.Staff;
import org.opencircles.testkit.TopicProbe;
import org.opencircles.testkit.UpstreamEvents;

/** Events written through the outbox arrive on member-events with the envelope and payload docs/events.md shows. */
@QuarkusTest
class MemberEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void clp() {
        Api.clpWithWard("EVT", "Eventville");
    }

    @Test
    void joiningPublishesMemberJoinedWithoutPersonalData() {
        Map<String, Object> body = adult(Api.uniqueNumber(), "EVT");
        body.put("dateOfBirth", "2010-03-15");
        body.put("guardian", Map.of("name", "Pat Parent", "email", "pat@example.org", "consentGivenOn", "2025-01-10"));
        String memberId = as("organiser-national")
                .body(body)
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        TopicProbe.Received joined = TopicProbe.awaitRecord(
                bootstrap,
                "member-events",
                r -> memberId.equals(r.key())
                        && "member.joined".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(joined.value().path("version").asInt(), equalTo(1));
        assertThat(joined.value().path("aggregateType").asText(), equalTo("member"));
        assertThat(joined.value().path("aggregateId").asText(), equalTo(memberId));
        assertThat(joined.value().path("eventId").asText().length(), equalTo(36));
        assertThat(joined.headers().get("event-type"), equalTo("member.joined"));
        var payload = joined.value().path("payload");
        assertThat(payload.path("memberId").asText(), equalTo(memberId));
        assertThat(payload.path("clpCode").asText(), equalTo("EVT"));
        assertThat(payload.path("wardCode").asText(), equalTo("EVT-W1"));
        assertThat(payload.path("status").asText(), equalTo("ACTIVE"));
        assertThat(payload.path("adultOn").asText(), equalTo("2028-03-15"));
        assertThat(payload.path("youthUntil").asText(), equalTo("2037-03-15"));
        assertThat(payload.path("guardianConsent").asBoolean(), equalTo(true));
        assertThat(payload.path("joinedOn").asText(), equalTo(LocalDate.now().toString()));
        String json = joined.value().toString();
        assertThat(json, not(containsString("Adams")));
        assertThat(json, not(containsString("example.org")));
        assertThat(json, not(containsString("SE21")));
        assertThat(json, not(containsString("2010-03-15")));

        as("organiser-national")
                .body(Map.of("kind", "WANTS_TO_GET_INVOLVED", "notes", "private note"))
                .post("/members/" + memberId + "/contacts")
                .then()
                .statusCode(201);
        TopicProbe.Received contact = TopicProbe.awaitRecord(
                bootstrap,
                "member-events",
                r -> memberId.equals(r.key())
                        && "member.contact-logged".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(contact.value().path("payload").path("kind").asText(), equalTo("WANTS_TO_GET_INVOLVED"));
        assertThat(contact.value().toString(), not(containsString("private note")));

        as("dpo")
                .body(Map.of("reference", "DSAR-7"))
                .post("/members/" + memberId + "/erasure")
                .then()
                .statusCode(200);
        TopicProbe.Received erased = TopicProbe.awaitRecord(
                bootstrap,
                "member-events",
                r -> memberId.equals(r.key())
                        && "member.erased".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(erased.value().path("payload").path("memberId").asText(), equalTo(memberId));
    }

    @Test
    void aStatusChangeCarriesAReasonCodeNeverTheWordsAndErasureTakesTheWordsAndImportReportsToo() {
        String number = Api.uniqueNumber();
        String memberId = as("organiser-national")
                .body(adult(number, "EVT"))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("organiser-national")
                .body(Map.of("status", "RESIGNED", "reason", "Moving to Glasgow after a divorce"))
                .post("/members/" + memberId + "/status")
                .then()
                .statusCode(200);
        TopicProbe.Received changed = TopicProbe.awaitRecord(
                bootstrap,
                "member-events",
                r -> memberId.equals(r.key())
                        && "member.status-changed".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(changed.value().path("version").asInt(), equalTo(2));
        assertThat(changed.value().path("payload").path("reasonCode").asText(), equalTo("STAFF_DECISION"));
        assertThat(changed.value().path("payload").has("reason"), equalTo(false));
        assertThat(changed.value().toString(), not(containsString("Glasgow")));

        // An import report that quotes this member's cells (a bad date of birth)...
        String csv = "membership_number,first_name,last_name,clp,ward,date_of_birth\n" + number
                + ",Ada,Adams,EVT,EVT-W1,31/02/1980\n";
        String job = Staff.signedIn("organiser-national")
                .contentType("text/csv")
                .body(csv)
                .post("/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "COMPLETED"
                        .equals(as("organiser-national")
                                .get("/imports/" + job)
                                .then()
                                .extract()
                                .path("status")));
        as("organiser-national").get("/imports/" + job + "/errors").then().body("items.size()", equalTo(1));
        // ...goes with the erasure, as does the reason given for the status change.
        as("dpo")
                .body(Map.of("reference", "DSAR-8"))
                .post("/members/" + memberId + "/erasure")
                .then()
                .statusCode(200);
        as("organiser-national").get("/imports/" + job + "/errors").then().body("items.size()", equalTo(0));
        assertThat(
                Postgres.column(
                        "members_test",
                        "select count(*) from member where id = ? and status_reason is null",
                        UUID.fromString(memberId)),
                equalTo(List.of(1L)));
    }

    @Test
    void theDpoSeesReadsAndWritesFromEveryServiceInOnePlace() {
        String memberId = as("organiser-national")
                .body(adult(Api.uniqueNumber(), "EVT"))
                .post("/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID access = UUID.randomUUID();
        // As mentoring-service's outbox sends it when a youth officer opens this member's mentor record.
        UpstreamEvents.publish(
                bootstrap,
                new AuditPayloads.AccessRecorded(
                        access,
                        "mentoring-service",
                        "youth-officer",
                        "READ",
                        "member",
                        List.of(memberId),
                        Instant.now()),
                access);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> as("dpo")
                        .get("/audit/access?memberId=" + memberId)
                        .then()
                        .extract()
                        .<List<String>>path("items.service")
                        .contains("mentoring-service"));
        as("dpo")
                .get("/audit/access?memberId=" + memberId)
                .then()
                .body("items.find { it.service == 'mentoring-service' }.principal", equalTo("youth-officer"))
                .body("items.find { it.service == 'mentoring-service' }.action", equalTo("READ"))
                .body("items.find { it.service == 'members-service' }.action", equalTo("CREATE"));
    }
}
