package org.opencircles.notifier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.CommitmentPayloads;
import org.opencircles.events.FollowUpReason;
import org.opencircles.notifier.domain.Commitment;
import org.opencircles.notifier.domain.FollowUp;
import org.opencircles.notifier.service.DigestService;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.Staff;
import org.opencircles.testkit.UpstreamEvents;

@QuarkusTest
class DigestTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    DigestService digests;

    @Test
    void eachMorningASecretaryAndAnOrganiserGetWhatIsOpenForThemOnceAndNothingClosedBeforeIt() {
        String secretary = "sec.dga@staff.example";
        String organiser = "org.dga@staff.example";
        String youthOfficer = "youth.dga@staff.example";
        Notices.subscribe(secretary, "secretary", List.of("DGA"));
        Notices.subscribe(organiser, "organiser", List.of("DGA", "DGB"));
        Notices.subscribe(youthOfficer, "youth-officer", List.of("DGA"));

        UUID first = Notices.due(FollowUpReason.NEW_MEMBER_NOT_CONTACTED, "DGA");
        UUID second = Notices.due(FollowUpReason.NEW_MEMBER_NOT_CONTACTED, "DGA");
        UUID consent = Notices.due(FollowUpReason.GUARDIAN_CONSENT_MISSING, "DGA");
        UUID overdue = Notices.due(FollowUpReason.COMMITMENT_OVERDUE, "DGB");
        UUID concern = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "DGB");
        UUID elsewhere = Notices.due(FollowUpReason.NEW_MEMBER_NOT_CONTACTED, "DGZ");
        UUID fundraising = UUID.randomUUID();
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new CommitmentPayloads.Made(
                        fundraising,
                        "DGA",
                        "FUNDRAISING",
                        "Quiz night",
                        "Autumn conference",
                        List.of(),
                        LocalDate.now().minusDays(3),
                        100_000L),
                fundraising);
        UpstreamEvents.publish(
                KafkaBroker.bootstrapServers(),
                new CommitmentPayloads.Progressed(fundraising, "DGA", "IN_PROGRESS", 40, 42_000L),
                fundraising);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> FollowUp.count("clpCode in ?1", List.of("DGA", "DGB", "DGZ")) == 6
                                && Commitment.count("id = ?1 and raisedPence = 42000", fundraising) == 1));
        // Done before the morning: not in anyone's digest.
        Notices.closed(second, FollowUpReason.NEW_MEMBER_NOT_CONTACTED);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> FollowUp.count("id = ?1 and closedAt is not null", second) == 1));

        // A morning already past, so that what it composes is due to be sent now.
        LocalDate morning = LocalDate.now(LONDON).minusDays(1);
        Instant beforeSeven = morning.atTime(LocalTime.of(6, 55)).atZone(LONDON).toInstant();
        Instant afterSeven = morning.atTime(LocalTime.of(7, 5)).atZone(LONDON).toInstant();
        digests.compose(beforeSeven, false);
        assertThat(Notices.emails("kind=DIGEST&recipient=" + secretary), hasSize(0));

        digests.compose(afterSeven, false);
        digests.compose(afterSeven.plus(Duration.ofMinutes(30)), false);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(secretary).size() == 1
                        && MailTestResource.inbox(organiser).size() == 1);

        MimeMessage toSecretary = MailTestResource.inbox(secretary).get(0);
        String secretaryText = MailTestResource.text(toSecretary);
        assertThat(MailTestResource.subject(toSecretary), containsString("2 open follow-ups for you"));
        assertThat(
                secretaryText,
                containsString("2 follow-ups are open for you on "
                        + morning.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK)));
        assertThat(secretaryText, containsString("A new member has not been contacted yet: 1"));
        assertThat(secretaryText, containsString("/organiser/follow-ups/" + first));
        assertThat(secretaryText, not(containsString(second.toString())));
        assertThat(secretaryText, containsString("parent or guardian consent is still to be collected: 1"));
        assertThat(secretaryText, containsString("/organiser/follow-ups/" + consent));
        assertThat(secretaryText, not(containsString(overdue.toString())));
        assertThat(secretaryText, not(containsString(elsewhere.toString())));
        assertThat(secretaryText, containsString("DGA: 1 open, 1 overdue; fundraising £420 of £1,000"));

        String organiserText =
                MailTestResource.text(MailTestResource.inbox(organiser).get(0));
        assertThat(
                MailTestResource.subject(MailTestResource.inbox(organiser).get(0)),
                containsString("3 open follow-ups for you"));
        assertThat(organiserText, containsString("/organiser/follow-ups/" + first));
        assertThat(organiserText, containsString("/organiser/follow-ups/" + overdue));
        assertThat(organiserText, containsString("A commitment is overdue: 1"));
        // A safeguarding concern is the safeguarding lead's alone, even in an organiser's digest.
        assertThat(organiserText, not(containsString(concern.toString())));
        assertThat(organiserText, not(containsString("safeguarding concern")));

        // Nothing open for the youth officer: no email at all.
        assertThat(Notices.emails("recipient=" + youthOfficer), hasSize(0));
        List<Map<String, Object>> secretaryDigests = Notices.emails("kind=DIGEST&recipient=" + secretary);
        assertThat(secretaryDigests, hasSize(1));
        assertThat(secretaryDigests.get(0).get("status"), equalTo("SENT"));
    }

    @Test
    void anAdminCanComposeTodaysDigestEarlyAndItStillGoesOnceADay() {
        String secretary = "sec.dgc@staff.example";
        Notices.subscribe(secretary, "secretary", List.of("DGC"));
        UUID waiting = Notices.due(FollowUpReason.INVOLVEMENT_NOT_FOLLOWED_UP, "DGC");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> FollowUp.count("id", waiting) == 1));

        int first = Staff.as("admin")
                .post("/digests")
                .then()
                .statusCode(200)
                .extract()
                .path("composed");
        assertThat(first >= 1, equalTo(true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(secretary).size() == 1);
        assertThat(
                MailTestResource.text(MailTestResource.inbox(secretary).get(0)),
                containsString("A member who wants to get involved is waiting to hear from us: 1"));
        Staff.as("admin").post("/digests").then().statusCode(200);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> MailTestResource.inbox(secretary).size() == 1);
        Staff.as("sec-dwn").post("/digests").then().statusCode(403);
    }
}
