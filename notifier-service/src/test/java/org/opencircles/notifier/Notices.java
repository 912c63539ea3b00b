package org.opencircles.notifier;

import static org.awaitility.Awaitility.await;
import static org.opencircles.testkit.Staff.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencircles.events.FollowUpPayloads;
import org.opencircles.events.FollowUpReason;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.UpstreamEvents;

/** Plays actions-service (publishing follow-ups) and the admin (subscribing staff) for the notifier's tests. */
final class Notices {

    private Notices() {}

    /** Publishes follow-up.due for a new follow-up and returns its id. */
    static UUID due(FollowUpReason reason, String clp) {
        UUID id = UUID.randomUUID();
        publishDue(id, reason, clp);
        return id;
    }

    static String publishDue(UUID id, FollowUpReason reason, String clp) {
        return UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new FollowUpPayloads.Due(
                        id,
                        reason.name(),
                        reason.subjectType(),
                        UUID.randomUUID(),
                        clp,
                        reason.assigneeRole(),
                        Instant.now()),
                id);
    }

    static void closed(UUID id, FollowUpReason reason) {
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new FollowUpPayloads.Closed(id, reason.name(), UUID.randomUUID(), "DONE"),
                id);
    }

    /** Subscribes a person as an admin would, returning the subscription's id. */
    static String subscribe(String recipient, String role, List<String> clps) {
        return subscribe(Map.of(
                "recipient",
                recipient,
                "displayName",
                recipient.substring(0, recipient.indexOf('@')),
                "role",
                role,
                "clpCodes",
                clps));
    }

    static String subscribe(Map<String, Object> body) {
        return as("admin")
                .body(body)
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The sent log's entries for one follow-up, once there are {@code count} of them. */
    static List<Map<String, Object>> emailsAbout(UUID followUp, int count) {
        await().until(() -> emails("followUpId=" + followUp).size() >= count);
        return emails("followUpId=" + followUp);
    }

    static List<Map<String, Object>> emails(String query) {
        return as("admin")
                .get("/emails?size=200&" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    /** How many messages the SMTP server holds for {@code recipient} carrying the email id {@code emailId}. */
    static long copies(String recipient, String emailId) {
        return MailTestResource.inbox(recipient).stream()
                .filter(m -> emailId.equals(MailTestResource.header(m, "X-Open-Circles-Email")))
                .count();
    }
}
