package org.opencircles.actions;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

@QuarkusTest
class FollowUpResourceTest {

    private static List<String> open(String user, String reason, UUID subject) {
        return as(user).get("/follow-ups?status=OPEN&reason=" + reason + "&subjectId=" + subject)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void aNewMemberNobodyCallsGetsExactlyOneFollowUpForTheSecretary() {
        UUID member = UUID.randomUUID();
        String joined = Upstream.publish(
                new MemberPayloads.Joined(member, "ISN", "ISN-W1", "ACTIVE", LocalDate.now(), null, null, false),
                member);
        // Redelivery of the very same event (same event id) must not schedule a second follow-up.
        TopicProbe.send(KafkaBroker.bootstrapServers(), "member-events", member.toString(), joined);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-isn", "NEW_MEMBER_NOT_CONTACTED", member).size() == 1);
        as("sec-isn")
                .get("/follow-ups?subjectId=" + member)
                .then()
                .body("items[0].assigneeRole", equalTo("secretary"))
                .body("items[0].clpCode", equalTo("ISN"))
                .body("items[0].subjectType", equalTo("member"));
        List<TopicProbe.Received> due = TopicProbe.awaitRecords(
                KafkaBroker.bootstrapServers(),
                "follow-ups",
                r -> member.toString()
                                .equals(r.value()
                                        .path("payload")
                                        .path("subjectId")
                                        .asText())
                        && "follow-up.due".equals(r.value().path("type").asText()),
                1,
                Duration.ofSeconds(20));
        assertThat(due, hasSize(1));
        assertThat(due.get(0).value().path("payload").path("reason").asText(), equalTo("NEW_MEMBER_NOT_CONTACTED"));
        as("notifier")
                .get("/follow-ups?subjectId=" + member)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        as("sec-dwn")
                .get("/follow-ups?subjectId=" + member)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        String followUp = open("sec-isn", "NEW_MEMBER_NOT_CONTACTED", member).get(0);
        as("sec-isn")
                .body("{\"note\": \"Called, coming to the ward meeting\"}")
                .post("/follow-ups/" + followUp + "/done")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("closedBy", equalTo("sec-isn"));
        as("sec-isn")
                .body("{}")
                .post("/follow-ups/" + followUp + "/done")
                .then()
                .statusCode(409);
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "follow-ups",
                r -> followUp.equals(r.key())
                        && "follow-up.closed".equals(r.value().path("type").asText()),
                Duration.ofSeconds(20));
    }

    @Test
    void aMemberContactedInTimeGetsNoFollowUp() {
        UUID member = Upstream.memberJoined("ISN");
        Upstream.contact(member, "ISN", "CALLED");
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(open("sec-isn", "NEW_MEMBER_NOT_CONTACTED", member), hasSize(0));
        as("sec-isn")
                .get("/follow-ups?status=RESOLVED&subjectId=" + member)
                .then()
                .body("items.reason", hasItem("NEW_MEMBER_NOT_CONTACTED"));
    }

    @Test
    void wantingToGetInvolvedWithoutAReplyIsFollowedUp() {
        UUID member = Upstream.memberJoined("ISN", LocalDate.now().minusYears(3));
        Upstream.contact(member, "ISN", "WANTS_TO_GET_INVOLVED");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        open("sec-isn", "INVOLVEMENT_NOT_FOLLOWED_UP", member).size() == 1);
        // Joined three years ago: not a new member, so no stale "new member" follow-up for them.
        assertThat(open("sec-isn", "NEW_MEMBER_NOT_CONTACTED", member), hasSize(0));
    }

    @Test
    void aMenteeWaitingTooLongIsFollowedUpForTheYouthOfficer() {
        UUID member = Upstream.memberJoined("CRN");
        UUID mentee = Upstream.menteeEnrolled(member, "CRN");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("youth-officer", "MENTEE_WAITING", mentee).size() == 1);
        as("youth-officer")
                .get("/follow-ups?subjectId=" + mentee)
                .then()
                .body("items[0].assigneeRole", equalTo("youth-officer"));
        as("organiser-national")
                .get("/dashboard/CRN")
                .then()
                .statusCode(200)
                .body("menteesWaiting", equalTo(1))
                .body("story", hasItem(Matchers.containsString("waiting for a mentor")));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionContinues() {
        TopicProbe.send(KafkaBroker.bootstrapServers(), "member-events", "garbage", "this is not an event {");
        TopicProbe.Received dead = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "actions-service.dlq",
                r -> "garbage".equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(dead.value().asText(), equalTo("this is not an event {"));
        UUID member = Upstream.memberJoined("CHT");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "NEW_MEMBER_NOT_CONTACTED", member).size() == 1);
    }

    @Test
    void anErasedMemberLeavesNothingBehind() {
        UUID member = Upstream.memberJoined("CHT");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "NEW_MEMBER_NOT_CONTACTED", member).size() == 1);
        Upstream.publish(new MemberPayloads.Erased(member, Instant.now()), member);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "NEW_MEMBER_NOT_CONTACTED", member).isEmpty());
        as("sec-cht")
                .get("/follow-ups?status=RESOLVED&subjectId=" + member)
                .then()
                .body("items.note", hasItem("member erased"));
        as("sec-cht").get("/follow-ups?status=bogus").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("sec-cht").get("/dashboard/ISN").then().statusCode(403);
        as("sec-cht").get("/dashboard").then().statusCode(200).body("items.clpCode", not(hasItem("ISN")));
    }

    @Test
    void erasureReplacesTheNotesStaffWroteAboutTheMember() {
        UUID member = Upstream.memberJoined("CRN");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-crn", "NEW_MEMBER_NOT_CONTACTED", member).size() == 1);
        String followUp = open("sec-crn", "NEW_MEMBER_NOT_CONTACTED", member).get(0);
        as("sec-crn")
                .body("{\"note\": \"Called; going through a hard time, asked us to ring after Easter\"}")
                .post("/follow-ups/" + followUp + "/done")
                .then()
                .statusCode(200);
        Upstream.publish(new MemberPayloads.Erased(member, Instant.now()), member);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "member erased"
                        .equals(as("sec-crn")
                                .get("/follow-ups?status=DONE&subjectId=" + member)
                                .then()
                                .extract()
                                .path("items[0].note")));
        as("sec-crn")
                .get("/follow-ups?subjectId=" + member)
                .then()
                .body("items.note", Matchers.everyItem(equalTo("member erased")));
    }

    @Test
    void aPairingEndedForSafeguardingReachesTheYouthOfficerAtOnce() {
        UUID member = Upstream.memberJoined("CRN");
        UUID mentee = Upstream.menteeEnrolled(member, "CRN");
        UUID pairing = UUID.randomUUID();
        Upstream.publish(
                new MentoringPayloads.PairingActivated(
                        pairing, UUID.randomUUID(), mentee, member, "CRN", LocalDate.now()),
                pairing);
        Upstream.publish(
                new MentoringPayloads.PairingEnded(
                        pairing, UUID.randomUUID(), mentee, member, "CRN", "SAFEGUARDING_RECHECK_FAILED"),
                pairing);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("youth-officer", "PAIRING_ENDED_FOR_SAFEGUARDING", mentee)
                                .size()
                        == 1);
        TopicProbe.Received due = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "follow-ups",
                r -> mentee.toString()
                                .equals(r.value()
                                        .path("payload")
                                        .path("subjectId")
                                        .asText())
                        && "PAIRING_ENDED_FOR_SAFEGUARDING"
                                .equals(r.value().path("payload").path("reason").asText()),
                Duration.ofSeconds(20));
        assertThat(due.value().path("payload").path("assigneeRole").asText(), equalTo("youth-officer"));
        assertThat(open("sec-crn", "PAIRING_ENDED_FOR_SAFEGUARDING", mentee), hasSize(1));
    }

    @Test
    void aYoungMemberImportedWithoutGuardianConsentIsFollowedUpAtOnceUntilItIsRecorded() {
        UUID member = UUID.randomUUID();
        LocalDate adultOn = LocalDate.now().plusYears(3);
        Upstream.publish(
                new MemberPayloads.Joined(
                        member,
                        "CHT",
                        "CHT-W1",
                        "ACTIVE",
                        LocalDate.now().minusYears(1),
                        adultOn,
                        adultOn.plusYears(9),
                        false),
                member);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "GUARDIAN_CONSENT_MISSING", member).size() == 1);
        as("sec-cht")
                .get("/follow-ups?subjectId=" + member + "&reason=GUARDIAN_CONSENT_MISSING")
                .then()
                .body("items[0].assigneeRole", equalTo("secretary"));
        // The secretary records the guardian's consent in members-service: the follow-up closes.
        Upstream.publish(
                new MemberPayloads.Updated(member, "CHT", "CHT-W1", adultOn, adultOn.plusYears(9), true), member);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "GUARDIAN_CONSENT_MISSING", member).isEmpty());
        as("sec-cht")
                .get("/follow-ups?status=RESOLVED&subjectId=" + member)
                .then()
                .body("items.note", hasItem("guardian consent recorded"));
    }

    @Test
    void listingAndClosingAMembersFollowUpsIsAuditedForTheDpoInMembersService() {
        UUID member = Upstream.memberJoined("CHT");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> open("sec-cht", "NEW_MEMBER_NOT_CONTACTED", member).size() == 1);
        String followUp = open("sec-cht", "NEW_MEMBER_NOT_CONTACTED", member).get(0);
        as("sec-cht")
                .body("{\"note\": \"Rang, left a message\"}")
                .post("/follow-ups/" + followUp + "/done")
                .then()
                .statusCode(200);
        List<TopicProbe.Received> audited = TopicProbe.awaitRecords(
                KafkaBroker.bootstrapServers(),
                "personal-data-access",
                r -> "sec-cht"
                                .equals(r.value()
                                        .path("payload")
                                        .path("principal")
                                        .asText())
                        && r.value()
                                .path("payload")
                                .path("subjectIds")
                                .toString()
                                .contains(member.toString()),
                2,
                Duration.ofSeconds(20));
        assertThat(
                audited.stream()
                        .map(r -> r.value().path("payload").path("action").asText())
                        .distinct()
                        .sorted()
                        .toList(),
                equalTo(List.of("LIST", "UPDATE")));
        assertThat(audited.get(0).value().path("payload").path("service").asText(), equalTo("actions-service"));
        assertThat(audited.toString(), not(Matchers.containsString("left a message")));
    }
}
