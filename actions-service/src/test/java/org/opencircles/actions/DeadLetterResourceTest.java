package org.opencircles.actions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencircles.events.MemberPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.TopicProbe;

/**
 * The operator's repair of dead letters, on the real broker and database: a message a handler keeps refusing while
 * the database answers is dead-lettered with the reason; once a reader that accepts it is in place, a replay applies
 * it once and a second replay changes nothing; a discard records who and why; the open count and its metric follow.
 */
@QuarkusTest
class DeadLetterResourceTest {

    private static final String DB = "actions_test";

    @AfterEach
    void noBrokenReader() {
        Postgres.execute(DB, "drop trigger if exists refuse_member on member_projection");
    }

    private static long followUps(UUID member) {
        return Postgres.number(
                DB,
                "select count(*) from follow_up where reason = 'NEW_MEMBER_NOT_CONTACTED' " + "and subject_id = ?",
                member);
    }

    /** The dead letter of the message keyed {@code key}, as the operator's list shows it. */
    private static Map<String, Object> deadLetterFor(String key) {
        TopicProbe.Received dead = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "actions-service.dlq",
                r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        String id = dead.partition() + "-" + dead.offset();
        List<Map<String, Object>> items = as("operator")
                .get("/admin/dead-letters?state=OPEN&size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(i -> id.equals(i.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open dead letter " + id + " in " + items));
    }

    private static double openMetric() {
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("open_circles_dead_letters_open{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aMessageRefusedWhileTheDatabaseAnswersIsDeadLetteredThenReplayedOnceAfterTheFix() {
        UUID member = UUID.randomUUID();
        // A reader that cannot take this member (a bug, say): it refuses while the database answers every probe.
        Postgres.execute(DB, """
                create or replace function refuse_member() returns trigger language plpgsql as $$
                begin
                  if new.member_id = '%s' then raise exception 'this reader cannot take member %%', new.member_id; end if;
                  return new;
                end $$""".formatted(member));
        Postgres.execute(
                DB,
                "create trigger refuse_member before insert on member_projection for each row "
                        + "execute function refuse_member()");
        Upstream.publish(
                new MemberPayloads.Joined(
                        member, "CRN", "CRN-W1", "ACTIVE", LocalDate.now(), LocalDate.of(1990, 1, 1), null, false),
                member);

        Map<String, Object> dead = deadLetterFor(member.toString());
        assertThat((String) dead.get("reason"), containsString("failed 3 times while the database answered"));
        assertThat(dead.get("sourceTopic"), equalTo("member-events"));
        assertThat(dead.get("eventType"), equalTo("member.joined"));
        assertThat(dead.get("consumer"), equalTo("actions-service/member-events"));
        assertThat(followUps(member), equalTo(0L));
        await().atMost(Duration.ofSeconds(10)).until(() -> openMetric() >= 1);

        // Still refused: a replay says why, changes nothing and leaves it open.
        String id = dead.get("partition") + "-" + dead.get("offset");
        as("operator")
                .post("/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot take member"));
        as("operator").get("/admin/dead-letters/" + id).then().statusCode(200).body("state", equalTo("OPEN"));

        // The fixed reader is in place: the replay applies it, once.
        noBrokenReader();
        double openBefore = openMetric();
        as("operator")
                .post("/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .body("state", equalTo("REPLAYED"))
                .body("outcome", equalTo("APPLIED"))
                .body("resolvedBy", equalTo("operator"));
        assertThat(
                Postgres.number(DB, "select count(*) from member_projection where member_id = ?", member), equalTo(1L));
        assertThat(followUps(member), equalTo(1L));
        assertThat(openMetric(), lessThan(openBefore));

        as("operator")
                .post("/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALREADY_APPLIED"));
        assertThat(followUps(member), equalTo(1L));
        assertThat(
                Postgres.number(
                        DB, "select count(*) from processed_event where event_id = ?::uuid", dead.get("eventId")),
                equalTo(1L));
    }

    @Test
    void notJsonIsDeadLetteredAtOnceCannotBeReplayedAndIsDiscardedWithWhoAndWhy() {
        String key = "not-json-" + UUID.randomUUID();
        TopicProbe.send(KafkaBroker.bootstrapServers(), "member-events", key, "this is not an event {");
        TopicProbe.Received dead = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "actions-service.dlq",
                r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        String id = dead.partition() + "-" + dead.offset();
        as("operator")
                .get("/admin/dead-letters/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("reason", containsString("Not an event envelope"))
                .body("sourceTopic", equalTo("member-events"));
        as("operator")
                .post("/admin/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .body("detail", containsString("still cannot be read"));

        as("operator")
                .body(Map.of("reason", " "))
                .post("/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        as("operator")
                .body(Map.of("reason", "A test producer wrote text, not an event"))
                .post("/admin/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("state", equalTo("DISCARDED"))
                .body("resolvedBy", equalTo("operator"))
                .body("resolutionReason", equalTo("A test producer wrote text, not an event"));
        assertThat(
                Postgres.number(
                        DB,
                        "select count(*) from personal_data_access where principal = 'operator' "
                                + "and action = 'dead-letter.discarded' and ? = any(subject_ids)",
                        "actions-service.dlq/" + dead.partition() + "/" + dead.offset()),
                equalTo(1L));
        List<String> discarded = as("operator")
                .get("/admin/dead-letters?state=DISCARDED&size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(discarded.contains(id), equalTo(true));
    }

    @Test
    void onlyAnOperatorSeesDeadLettersAndBadIdsAreNamed() {
        as("admin").get("/admin/dead-letters").then().statusCode(403);
        as("organiser-national").get("/admin/dead-letters").then().statusCode(403);
        as("operator").get("/admin/dead-letters/12").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("operator")
                .get("/admin/dead-letters?state=LOST")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as("operator")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        int total = as("operator")
                .get("/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertThat(total, greaterThan(-1));
    }

    @Test
    void metricsNameTheOutboxTheConsumerAndTheHttpServer() {
        UUID member = Upstream.memberJoined("CHT");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        Postgres.number(DB, "select count(*) from member_projection where member_id = ?", member) == 1);
        String unknownKey = UUID.randomUUID().toString();
        TopicProbe.send(KafkaBroker.bootstrapServers(), "member-events", unknownKey, """
                {"eventId":"%s","type":"member.teleported","version":1,"occurredAt":"2026-12-06T10:00:00Z",
                 "aggregateType":"member","aggregateId":"%s","payload":{}}""".formatted(
                        UUID.randomUUID(), unknownKey));
        as("organiser-national").get("/dashboard").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = RestAssured.get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(metrics, containsString("open_circles_events_applied_total{topic=\"member-events\"}"));
            assertThat(
                    metrics,
                    containsString(
                            "open_circles_events_unknown_type_total{topic=\"member-events\",type=\"member.teleported\"} 1.0"));
            assertThat(metrics, containsString("open_circles_consumer_lag{partition=\"0\",topic=\"member-events\"}"));
            assertThat(metrics, containsString("open_circles_outbox_waiting "));
            assertThat(metrics, containsString("open_circles_outbox_oldest_age_seconds "));
            assertThat(metrics, containsString("open_circles_outbox_parked 0.0"));
            assertThat(metrics, containsString("open_circles_outbox_published_total "));
            assertThat(metrics, containsString("open_circles_dead_letters_open{topic=\"actions-service.dlq\"}"));
            assertThat(metrics, containsString("http_server_requests_seconds_count{"));
        });
        assertThat(
                TopicProbe.readAll(
                                KafkaBroker.bootstrapServers(), "actions-service.dlq", r -> unknownKey.equals(r.key()))
                        .size(),
                equalTo(0));
    }
}
