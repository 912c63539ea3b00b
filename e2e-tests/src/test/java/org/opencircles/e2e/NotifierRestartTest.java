package org.opencircles.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencircles.events.FollowUpPayloads;
import org.opencircles.events.FollowUpReason;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.UpstreamEvents;

/**
 * The packaged notifier killed (SIGKILL) the moment the mail server has taken an email, before it can record that it
 * sent it, then started again: the email is never sent a second time on its own, and the sent log says it is
 * uncertain until an admin decides.
 */
class NotifierRestartTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        // No morning digest here: the only email is the one the notifier is killed sending.
        system = RunningSystem.start(Map.of(
                "OPEN_CIRCLES_NOTIFIER_CLAIM_LEASE", "PT3S",
                "OPEN_CIRCLES_NOTIFIER_SEND_INTERVAL", "0.5s",
                "OPEN_CIRCLES_NOTIFIER_DIGEST_CHECK_INTERVAL", "off"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        KafkaBroker.stop();
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** The safeguarding emails the mail server holds. */
    private static long inbox() {
        return Arrays.stream(system.mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("[Open Circles] Safeguarding");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    private static Map<String, Object> logEntry(UUID followUp) {
        List<Map<String, Object>> items = system.as("notifier", "admin")
                .get("/emails?followUpId=" + followUp)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.size() == 1 ? items.get(0) : Map.of();
    }

    @Test
    void aNotifierKilledBetweenSendingAndRecordingNeverSendsTheEmailTwice() throws Exception {
        system.as("notifier", "admin")
                .body(Map.of(
                        "recipient",
                        "dsl-london@staff.open-circles.example",
                        "displayName",
                        "London safeguarding lead",
                        "role",
                        "safeguarding-lead",
                        "clpCodes",
                        List.of("DWN")))
                .post("/subscriptions")
                .then()
                .statusCode(201);
        // The moment the server accepts the message, before the notifier hears its 250, the notifier dies.
        system.smtp.afterAccepted = () -> system.kill("notifier");
        UUID followUp = UUID.randomUUID();
        UpstreamEvents.publish(
                system.bootstrap,
                new FollowUpPayloads.Due(
                        followUp,
                        FollowUpReason.SAFEGUARDING_CONCERN_RAISED.name(),
                        "concern",
                        UUID.randomUUID(),
                        "DWN",
                        "safeguarding-lead",
                        Instant.now()),
                followUp);

        await(() -> inbox() == 1 && !system.alive("notifier"), Duration.ofSeconds(60));
        system.restart("notifier");

        // The follow-up may be delivered again after the restart; the email stays one, claimed and never recorded.
        await(() -> "UNCERTAIN".equals(logEntry(followUp).get("status")), Duration.ofSeconds(30));
        Map<String, Object> uncertain = logEntry(followUp);
        assertThat((String) uncertain.get("lastError"), containsString("may or may not have gone"));
        Thread.sleep(3_000);
        assertThat("no second copy on its own", inbox(), equalTo(1L));
        assertThat(
                system.mail.getReceivedMessages()[0].getSubject(),
                equalTo(
                        "[Open Circles] Safeguarding, DWN: A safeguarding concern has been raised and needs the safeguarding lead"));

        // Only the admin's word sends it again.
        system.as("notifier", "admin")
                .post("/emails/" + uncertain.get("id") + "/resend")
                .then()
                .statusCode(200);
        await(() -> "SENT".equals(logEntry(followUp).get("status")), Duration.ofSeconds(30));
        assertThat(inbox(), equalTo(2L));
        assertThat("nothing else was sent", system.mail.getReceivedMessages().length, equalTo(2));
    }
}
