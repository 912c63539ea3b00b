package org.opencircles.notifier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.FollowUpReason;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

@QuarkusTest
class ImmediateEmailTest {

    @Test
    void aMenteeWaitingTooLongIsEmailedToTheYouthOfficerOnceThoughTheEventComesAgain() {
        String officer = "youth.ima@staff.example";
        String otherClp = "youth.imb@staff.example";
        String secretary = "sec.ima@staff.example";
        Notices.subscribe(officer, "youth-officer", List.of("IMA"));
        Notices.subscribe(otherClp, "youth-officer", List.of("IMB"));
        Notices.subscribe(secretary, "secretary", List.of("IMA"));

        UUID followUp = UUID.randomUUID();
        String message = Notices.publishDue(followUp, FollowUpReason.MENTEE_WAITING, "IMA");
        // The very same message delivered again, and the follow-up published again in a new envelope.
        TopicProbe.send(KafkaBroker.bootstrapServers(), "follow-ups", followUp.toString(), message);
        Notices.publishDue(followUp, FollowUpReason.MENTEE_WAITING, "IMA");

        Map<String, Object> email = Notices.emailsAbout(followUp, 1).get(0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT"
                        .equals(as("admin")
                                .get("/emails/" + email.get("id"))
                                .then()
                                .extract()
                                .path("status")));
        List<Map<String, Object>> all = Notices.emails("followUpId=" + followUp);
        assertThat(all, hasSize(1));
        assertThat(all.get(0).get("recipient"), equalTo(officer));
        assertThat(all.get(0).get("kind"), equalTo("IMMEDIATE"));
        assertThat(all.get(0).get("attempts"), equalTo(1));

        List<MimeMessage> received = MailTestResource.inbox(officer);
        assertThat(received, hasSize(1));
        assertThat(Notices.copies(officer, (String) email.get("id")), equalTo(1L));
        assertThat(
                MailTestResource.subject(received.get(0)),
                containsString("Safeguarding, IMA: A young member has waited too long for a mentor"));
        String text = MailTestResource.text(received.get(0));
        assertThat(text, containsString("Hello youth.ima,"));
        assertThat(text, containsString("/organiser/follow-ups/" + followUp));
        assertThat(text, containsString("You receive this as youth-officer for IMA."));
        // Not the youth officer of another CLP, not the secretary (whose digest will list it if it is theirs).
        assertThat(MailTestResource.inbox(otherClp), hasSize(0));
        assertThat(MailTestResource.inbox(secretary), hasSize(0));
    }

    @Test
    void aSafeguardingConcernReachesTheSafeguardingLeadOnlyAndAnEverydayFollowUpWaitsForTheDigest() {
        String lead = "dsl.imc@staff.example";
        String organiser = "org.imc@staff.example";
        Notices.subscribe(lead, "safeguarding-lead", List.of("IMC", "IMD"));
        Notices.subscribe(organiser, "organiser", List.of("*"));

        UUID concern = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "IMD");
        UUID everyday = Notices.due(FollowUpReason.NEW_MEMBER_NOT_CONTACTED, "IMC");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(lead).size() == 1);
        assertThat(
                MailTestResource.subject(MailTestResource.inbox(lead).get(0)),
                containsString("A safeguarding concern has been raised"));
        assertThat(MailTestResource.text(MailTestResource.inbox(lead).get(0)), not(containsString("@")));
        // The everyday follow-up is known (it will be in the digest) but emails no one now.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Notices.emails("followUpId=" + everyday).isEmpty());
        assertThat(Notices.emails("followUpId=" + concern), hasSize(1));
        assertThat(MailTestResource.inbox(organiser), hasSize(0));
    }
}
