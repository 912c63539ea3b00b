package org.opencircles.mentoring;

import static org.awaitility.Awaitility.await;
import static org.opencircles.testkit.Staff.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.opencircles.events.MemberPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.Postgres;
import org.opencircles.testkit.UpstreamEvents;

/** Members as members-service would announce them, and mentors and mentees made from them. */
final class Members {

    private Members() {}

    /** A member aged {@code age} today, announced on member-events. */
    static UUID joined(String clp, int age, boolean guardianConsent) {
        UUID id = UUID.randomUUID();
        LocalDate born = LocalDate.now().minusYears(age).minusDays(10);
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new MemberPayloads.Joined(
                        id,
                        clp,
                        clp + "-W1",
                        "ACTIVE",
                        LocalDate.now(),
                        born.plusYears(18),
                        born.plusYears(27),
                        guardianConsent),
                id);
        return id;
    }

    /**
     * A member as {@link #joined}, returned once mentoring's projection holds them, for a call that must not meet the
     * 422 a member still on their way from members-service gets.
     */
    static UUID known(String clp, int age, boolean guardianConsent) {
        UUID id = joined(clp, age, guardianConsent);
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(20))
                .until(() -> Postgres.number(
                                "mentoring_test", "select count(*) from member_projection where member_id = ?", id)
                        == 1);
        return id;
    }

    static Map<String, Object> check(String level, LocalDate expires) {
        return "NONE".equals(level)
                ? Map.of("level", "NONE")
                : Map.of(
                        "level",
                        level,
                        "reference",
                        "001234567890",
                        "issuedOn",
                        LocalDate.now().minusYears(1).toString(),
                        "expiresOn",
                        expires.toString());
    }

    /** Registers a mentor once the member has reached mentoring's projection. */
    static String mentor(UUID member, Map<String, Object> check, String trainedOn) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "memberId", member, "skills", List.of("ORGANISING", "CAMPAIGNING"), "capacity", 2, "check", check));
        if (trainedOn != null) {
            body.put("trainingCompletedOn", trainedOn);
        }
        // 422 until the member has reached mentoring's projection; the 201 carries the new mentor's id.
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response =
                    as("youth-officer").body(body).post("/mentors").then().extract();
            id.set(response.statusCode() == 201 ? response.path("id") : null);
            return response.statusCode() != 422;
        });
        return id.get() != null
                ? id.get()
                : as("youth-officer")
                        .get("/mentors?size=200")
                        .then()
                        .extract()
                        .path("items.find { it.memberId == '" + member + "' }.id");
    }

    static String mentee(UUID member) {
        Map<String, Object> body = Map.of("memberId", member, "goals", List.of("CAMPAIGNING", "COMMUNICATION"));
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response =
                    as("youth-officer").body(body).post("/mentees").then().extract();
            id.set(response.statusCode() == 201 ? response.path("id") : null);
            return response.statusCode() != 422;
        });
        return id.get() != null
                ? id.get()
                : as("youth-officer")
                        .get("/mentees?size=200")
                        .then()
                        .extract()
                        .path("items.find { it.memberId == '" + member + "' }.id");
    }
}
