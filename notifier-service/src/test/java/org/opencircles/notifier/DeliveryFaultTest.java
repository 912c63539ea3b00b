package org.opencircles.notifier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencircles.events.FollowUpReason;
import org.opencircles.notifier.domain.Email;
import org.opencircles.notifier.service.EmailIntents;
import org.opencircles.notifier.service.EmailSender;
import org.opencircles.testkit.PostgresTestResource;
import org.opencircles.testkit.Staff;

/** Exactly once when things go wrong: SMTP down, an address refused, the database lost after sending, replicas. */
@QuarkusTest
class DeliveryFaultTest {

    @Inject
    EmailSender sender;

    @Inject
    EmailIntents intents;

    @AfterEach
    void restore() {
        MailTestResource.front().afterAccepted = null;
        MailTestResource.front().restore();
        PostgresTestResource.proxy().restore();
    }

    @Test
    void whileTheMailServerIsDownTheEmailWaitsAndIsRetriedThenSentOnce() {
        String officer = "youth.dfa@staff.example";
        Notices.subscribe(officer, "youth-officer", List.of("DFA"));
        MailTestResource.front().cut();
        UUID followUp = Notices.due(FollowUpReason.PAIRING_ENDED_FOR_SAFEGUARDING, "DFA");

        String id = (String) Notices.emailsAbout(followUp, 1).get(0).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> (int) email(id).get("attempts") >= 3);
        Map<String, Object> waiting = email(id);
        assertThat(waiting.get("status"), equalTo("PENDING"));
        assertThat((String) waiting.get("lastError"), containsString("Connect"));
        assertThat(MailTestResource.inbox(officer), hasSize(0));

        MailTestResource.front().restore();
        // Usually sent within the next retry (at most 2 s here); once in CI the first send after the outage went
        // about 24 s later, just past the mail client's 20 s keep-alive for its pooled connections. What is asserted
        // is that it goes, once, without anyone resending it; the wait allows for that stall.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SENT".equals(email(id).get("status")));
        assertThat(Notices.copies(officer, id), equalTo(1L));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> Notices.copies(officer, id) == 1);
    }

    @Test
    void aMailServerThatNeverGreetsLeavesTheEmailPendingNeverUncertainAndItIsSentOnceWhenItGreetsAgain() {
        String officer = "youth.dfg@staff.example";
        Notices.subscribe(officer, "youth-officer", List.of("DFG"));
        MailTestResource.front().stopGreeting();
        UUID followUp = Notices.due(FollowUpReason.PAIRING_ENDED_FOR_SAFEGUARDING, "DFG");

        String id = (String) Notices.emailsAbout(followUp, 1).get(0).get("id");
        // Each pass waits the greeting timeout (2 s here), then puts the email back: tried twice, taken by nobody.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> (int) email(id).get("attempts") >= 2
                        && "PENDING".equals(email(id).get("status")));
        Map<String, Object> waiting = email(id);
        assertThat((String) waiting.get("lastError"), containsString("did not connect and greet within 2 s"));
        assertThat(RestAssured.get("/q/health/ready").asString(), containsString("did not connect and greet"));
        assertThat(MailTestResource.inbox(officer), hasSize(0));

        MailTestResource.front().restore();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SENT".equals(email(id).get("status")));
        assertThat(Notices.copies(officer, id), equalTo(1L));
        assertThat(Notices.emails("status=UNCERTAIN&followUpId=" + followUp), hasSize(0));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void anAddressTheServerRefusesIsRecordedAndNotRetriedUntilAnAdminResendsIt() {
        String gone = "left.dfb@staff.example";
        MailTestResource.front().refused.add(gone);
        Notices.subscribe(gone, "safeguarding-lead", List.of("DFB"));
        UUID followUp = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "DFB");

        String id = (String) Notices.emailsAbout(followUp, 1).get(0).get("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "REFUSED".equals(email(id).get("status")));
        assertThat((String) email(id).get("lastError"), containsString("SMTP 550"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> (int) email(id).get("attempts") == 1);
        Staff.as("admin").get("/emails?status=REFUSED").then().statusCode(200);
        assertThat(Notices.emails("status=REFUSED").stream().anyMatch(e -> id.equals(e.get("id"))), equalTo(true));

        // The address is fixed at the server's end; the admin sends it again, once.
        MailTestResource.front().refused.remove(gone);
        Staff.as("admin")
                .post("/emails/" + id + "/resend")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(email(id).get("status")));
        assertThat(Notices.copies(gone, id), equalTo(1L));
        Staff.as("admin").post("/emails/" + id + "/resend").then().statusCode(409);
        Staff.as("admin")
                .post("/emails/" + UUID.randomUUID() + "/resend")
                .then()
                .statusCode(404);
    }

    @Test
    void theDatabaseLostBetweenSendingAndRecordingStillMeansOneEmail() {
        String lead = "dsl.dfc@staff.example";
        Notices.subscribe(lead, "safeguarding-lead", List.of("DFC"));
        // The moment the server has taken the message, the notifier loses its database for three seconds.
        AtomicBoolean cut = new AtomicBoolean();
        MailTestResource.front().afterAccepted = () -> {
            cut.set(true);
            PostgresTestResource.proxy().cut();
            new Thread(() -> {
                        sleep(3000);
                        PostgresTestResource.proxy().restore();
                    })
                    .start();
        };
        UUID followUp = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "DFC");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> MailTestResource.inbox(lead).size() == 1);
        assertThat(cut.get(), equalTo(true));
        // Meanwhile the API has no database either; the log answers again once it is back.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            List<Map<String, Object>> log = Notices.emails("followUpId=" + followUp);
            return log.size() == 1 && "SENT".equals(log.get(0).get("status"));
        });
        String id = (String) Notices.emails("followUpId=" + followUp).get(0).get("id");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> MailTestResource.inbox(lead).size() == 1);
        assertThat(Notices.copies(lead, id), equalTo(1L));
        assertThat(email(id).get("attempts"), equalTo(1));
    }

    @Test
    void anEmailClaimedByASenderThatDiedIsShownUncertainAndNeverSentTwiceOnItsOwn() {
        String officer = "youth.dfd@staff.example";
        String subscription = Notices.subscribe(officer, "youth-officer", List.of("DFD"));
        // What a replica leaves behind when it stops between taking an email and recording what happened to it.
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            UUID recorded = intents.record(
                            Email.Kind.IMMEDIATE,
                            "test:dead-replica:" + UUID.randomUUID(),
                            UUID.fromString(subscription),
                            officer,
                            "Left behind",
                            "text",
                            null,
                            Instant.now(),
                            Instant.now())
                    .orElseThrow();
            Email.update(
                    "status = ?1, claimedAt = ?2, claimedBy = 'replica-that-died', attempts = 1 where id = ?3",
                    Email.Status.SENDING,
                    Instant.now().minusSeconds(60),
                    recorded);
            return recorded;
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "UNCERTAIN".equals(email(id.toString()).get("status")));
        assertThat((String) email(id.toString()).get("lastError"), containsString("may or may not have gone"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> MailTestResource.inbox(officer).isEmpty());

        Staff.as("admin").post("/emails/" + id + "/resend").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(email(id.toString()).get("status")));
        assertThat(Notices.copies(officer, id.toString()), equalTo(1L));
        assertThat((String) email(id.toString()).get("lastError"), equalTo(null));
    }

    @Test
    void fourSendersAtOnceSendEachOfSixtyEmailsExactlyOnce() throws Exception {
        String organiser = "org.dfe@staff.example";
        String subscription = Notices.subscribe(organiser, "organiser", List.of("DFE"));
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> recorded = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                recorded.add(intents.record(
                                Email.Kind.IMMEDIATE,
                                "test:replicas:" + UUID.randomUUID(),
                                UUID.fromString(subscription),
                                organiser,
                                "Email " + i,
                                "text " + i,
                                null,
                                Instant.now(),
                                Instant.now())
                        .orElseThrow());
            }
            return recorded;
        });
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(() -> {
                    int sent = 0;
                    for (int pass = 0; pass < 5; pass++) {
                        sent += sender.send();
                    }
                    return sent;
                });
            }
            replicas.invokeAll(passes);
        } finally {
            replicas.shutdown();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MailTestResource.inbox(organiser).size() >= 60);
        for (UUID id : ids) {
            assertThat(Notices.copies(organiser, id.toString()), equalTo(1L));
        }
        assertThat(MailTestResource.inbox(organiser), hasSize(60));
        assertThat(Notices.emails("status=SENT&recipient=" + organiser), hasSize(60));
    }

    @Test
    void inQuietHoursAnImmediateEmailWaitsForTheirEndAndIsCancelledIfTheFollowUpClosesFirst() {
        String officer = "youth.dff@staff.example";
        ZoneId london = ZoneId.of("Europe/London");
        LocalTime now = LocalTime.now(london);
        LocalTime from = now.minusHours(1).withSecond(0).withNano(0);
        LocalTime until = now.plusHours(1).withSecond(0).withNano(0);
        Notices.subscribe(Map.of(
                "recipient",
                officer,
                "displayName",
                "Quiet Officer",
                "role",
                "youth-officer",
                "clpCodes",
                List.of("DFF"),
                "quietFrom",
                from.toString(),
                "quietUntil",
                until.toString()));
        UUID followUp = Notices.due(FollowUpReason.MENTEE_WAITING, "DFF");

        Map<String, Object> waiting = Notices.emailsAbout(followUp, 1).get(0);
        Instant notBefore = Instant.parse((String) waiting.get("notBefore"));
        assertThat(notBefore.atZone(london).toLocalTime(), equalTo(until));
        assertThat(notBefore.isAfter(Instant.now().plus(Duration.ofMinutes(50))), equalTo(true));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> "PENDING".equals(email((String) waiting.get("id")).get("status")));
        assertThat(MailTestResource.inbox(officer), hasSize(0));

        Notices.closed(followUp, FollowUpReason.MENTEE_WAITING);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "CANCELLED".equals(email((String) waiting.get("id")).get("status")));
        // Never tried: quiet hours held it back, and the closing follow-up cancelled it.
        assertThat(email((String) waiting.get("id")).get("attempts"), equalTo(0));
        assertThat(MailTestResource.inbox(officer), hasSize(0));
    }

    private static Map<String, Object> email(String id) {
        return Staff.as("admin")
                .get("/emails/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
