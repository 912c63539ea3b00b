package org.opencircles.mentoring;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencircles.events.MemberPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;
import org.opencircles.testkit.UpstreamEvents;

@QuarkusTest
class PairingResourceTest {

    private static final String TRAINED = LocalDate.now().minusMonths(2).toString();
    private static final LocalDate NEXT_YEAR = LocalDate.now().plusYears(1);

    @Test
    void aMinorIsOnlyPairedWithACheckedTrainedMentorAndWithGuardianConsent() {
        String mentee = Members.mentee(Members.joined("DWN", 15, true));
        String unchecked = Members.mentor(Members.joined("DWN", 40, false), Members.check("NONE", null), null);
        String basicOnly =
                Members.mentor(Members.joined("DWN", 35, false), Members.check("ENHANCED", NEXT_YEAR), TRAINED);
        String expired = Members.mentor(
                Members.joined("DWN", 50, false),
                Members.check("ENHANCED_WITH_BARRED_LIST", LocalDate.now().minusDays(1)),
                TRAINED);
        String untrained = Members.mentor(
                Members.joined("DWN", 45, false), Members.check("ENHANCED_WITH_BARRED_LIST", NEXT_YEAR), null);
        String checked = Members.mentor(
                Members.joined("DWN", 30, false), Members.check("ENHANCED_WITH_BARRED_LIST", NEXT_YEAR), TRAINED);

        as("youth-officer")
                .body(Map.of("mentorId", unchecked, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Pairing refused"))
                .body("errors.field", hasItems("mentor.safeguardingCheck", "mentor.trainingCompletedOn"));
        as("youth-officer")
                .body(Map.of("mentorId", basicOnly, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mentor.safeguardingCheck"));
        as("youth-officer")
                .body(Map.of("mentorId", expired, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors[0].reason", containsString("expiring"));
        as("youth-officer")
                .body(Map.of("mentorId", untrained, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mentor.trainingCompletedOn"));

        as("youth-officer")
                .get("/mentees/" + mentee + "/suggestions")
                .then()
                .statusCode(200)
                .body("items.mentorId", hasItem(checked))
                .body("items.mentorId", not(hasItems(unchecked)))
                .body("items.mentorId", not(hasItem(expired)));

        String pairing = as("youth-officer")
                .body(Map.of("mentorId", checked, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .extract()
                .path("id");
        as("youth-officer")
                .body(Map.of("mentorId", checked, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422);
        as("youth-officer")
                .body("{}")
                .post("/pairings/" + pairing + "/activate")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("startedOn", equalTo(LocalDate.now().toString()));
        as("youth-officer")
                .get("/mentees/" + mentee)
                .then()
                .body("status", equalTo("PAIRED"))
                .body("minorToday", equalTo(true));

        TopicProbe.Received activated = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> mentee.equals(r.key())
                        && pairing.equals(r.value().path("aggregateId").asText())
                        && "pairing.activated".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(activated.value().path("payload").path("menteeId").asText(), equalTo(mentee));
        assertThat(activated.value().path("payload").path("mentorId").asText(), equalTo(checked));

        as("youth-officer")
                .body(Map.of(
                        "heldOn",
                        LocalDate.now().toString(),
                        "minutes",
                        45,
                        "mode",
                        "VIDEO",
                        "supervised",
                        false,
                        "notes",
                        "Planned a canvassing session"))
                .post("/pairings/" + pairing + "/sessions")
                .then()
                .statusCode(201)
                .body("minutes", equalTo(45));
        as("youth-officer")
                .body(Map.of(
                        "heldOn",
                        LocalDate.now().toString(),
                        "minutes",
                        2,
                        "mode",
                        "CARRIER_PIGEON",
                        "supervised",
                        true))
                .post("/pairings/" + pairing + "/sessions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("minutes", "mode"));
    }

    @Test
    void noGuardianConsentNoPairing() {
        String mentee = Members.mentee(Members.joined("ISN", 16, false));
        String checked = Members.mentor(
                Members.joined("ISN", 30, false), Members.check("ENHANCED_WITH_BARRED_LIST", NEXT_YEAR), TRAINED);
        as("youth-officer")
                .body(Map.of("mentorId", checked, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mentee.guardianConsent"));
    }

    @Test
    void anAdultMenteeNeedsNoCheckButMentorCapacityIsRespected() {
        String unchecked = Members.mentor(Members.joined("CRN", 40, false), Members.check("NONE", null), null);
        String first = Members.mentee(Members.joined("CRN", 22, false));
        String second = Members.mentee(Members.joined("CRN", 23, false));
        String third = Members.mentee(Members.joined("CRN", 24, false));
        as("youth-officer")
                .body(Map.of("mentorId", unchecked, "menteeId", first))
                .post("/pairings")
                .then()
                .statusCode(201);
        as("youth-officer")
                .body(Map.of("mentorId", unchecked, "menteeId", second))
                .post("/pairings")
                .then()
                .statusCode(201);
        as("youth-officer")
                .body(Map.of("mentorId", unchecked, "menteeId", third))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mentor.capacity"));
    }

    @Test
    void aLapsedMentorsPairingsEndAndAnErasedMenteeLeavesNothingBehind() {
        UUID mentorMember = Members.joined("CHT", 33, false);
        UUID menteeMember = Members.joined("CHT", 20, false);
        String mentor = Members.mentor(mentorMember, Members.check("NONE", null), null);
        String mentee = Members.mentee(menteeMember);
        String pairing = as("youth-officer")
                .body(Map.of("mentorId", mentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("youth-officer")
                .body("{}")
                .post("/pairings/" + pairing + "/activate")
                .then()
                .statusCode(200);

        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new MemberPayloads.StatusChanged(
                        mentorMember, "CHT", "ACTIVE", "LAPSED", MemberPayloads.ARREARS_PAST_GRACE),
                mentorMember);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ENDED"
                        .equals(as("youth-officer")
                                .get("/pairings/" + pairing)
                                .then()
                                .extract()
                                .path("status")));
        as("youth-officer").get("/pairings/" + pairing).then().body("endReason", equalTo("MENTOR_UNAVAILABLE"));
        as("youth-officer").get("/mentors/" + mentor).then().body("status", equalTo("INACTIVE"));
        as("youth-officer").get("/mentees/" + mentee).then().body("status", equalTo("WAITING"));
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> mentee.equals(r.key())
                        && pairing.equals(r.value().path("aggregateId").asText())
                        && "pairing.ended".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));

        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(), new MemberPayloads.Erased(menteeMember, Instant.now()), menteeMember);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as("youth-officer")
                                .get("/mentees/" + mentee)
                                .then()
                                .extract()
                                .path("memberId")
                        == null);
        as("youth-officer")
                .get("/mentees/" + mentee)
                .then()
                .body("status", equalTo("WITHDRAWN"))
                .body("goals.size()", equalTo(0))
                .body("memberId", nullValue());
        as("youth-officer").get("/pairings/" + pairing + "/sessions").then().statusCode(200);
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> mentee.equals(r.key())
                        && "mentee.withdrawn".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
    }

    @Test
    void safeguardingFollowsTheMemberConsentWithdrawnEndsThePairingAndAMoveTakesMentoringAlong() {
        UUID menteeMember = Members.joined("CRN", 15, true);
        UUID mentorMember = Members.joined("CRN", 40, false);
        String mentor = Members.mentor(
                mentorMember,
                Members.check("ENHANCED_WITH_BARRED_LIST", LocalDate.now().plusYears(2)),
                LocalDate.now().minusDays(5).toString());
        String mentee = Members.mentee(menteeMember);
        String pairing = as("youth-officer")
                .body(Map.of("mentorId", mentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("youth-officer")
                .body("{}")
                .post("/pairings/" + pairing + "/activate")
                .then()
                .statusCode(200);

        // The guardian withdraws consent: members-service says so, mentoring ends the pairing at once.
        LocalDate born = LocalDate.now().minusYears(15).minusDays(10);
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new MemberPayloads.Updated(
                        menteeMember, "CRN", "CRN-W1", born.plusYears(18), born.plusYears(27), false),
                menteeMember);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ENDED"
                        .equals(as("youth-officer")
                                .get("/pairings/" + pairing)
                                .then()
                                .extract()
                                .path("status")));
        as("youth-officer")
                .get("/pairings/" + pairing)
                .then()
                .body("endReason", equalTo("SAFEGUARDING_RECHECK_FAILED"));
        as("youth-officer").get("/mentees/" + mentee).then().body("status", equalTo("WAITING"));
        TopicProbe.Received ended = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "mentoring-events",
                r -> mentee.equals(r.key())
                        && "pairing.ended".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
        assertThat(ended.value().path("payload").path("reason").asText(), equalTo("SAFEGUARDING_RECHECK_FAILED"));
        // Nor can a new pairing start until consent is recorded again.
        as("youth-officer")
                .body(Map.of("mentorId", mentor, "menteeId", mentee))
                .post("/pairings")
                .then()
                .statusCode(422)
                .body("errors.field", Matchers.hasItem("mentee.guardianConsent"));

        // The mentor moves to Cheltenham: their mentoring record moves with them.
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new MemberPayloads.Updated(
                        mentorMember,
                        "CHT",
                        "CHT-W1",
                        LocalDate.now().minusYears(22),
                        LocalDate.now().minusYears(13),
                        false),
                mentorMember);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CHT"
                        .equals(as("youth-officer")
                                .get("/mentors/" + mentor)
                                .then()
                                .extract()
                                .path("clpCode")));
    }
}
