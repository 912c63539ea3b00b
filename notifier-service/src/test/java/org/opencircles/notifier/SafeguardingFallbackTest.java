package org.opencircles.notifier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.opencircles.testkit.Staff.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencircles.events.FollowUpReason;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.TopicProbe;

/**
 * A safeguarding concern always reaches someone who can act: a CLP's own lead, else the national lead, else the data
 * protection officer, at once; the CLP shows as uncovered and the metric counts its open concerns.
 */
@QuarkusTest
class SafeguardingFallbackTest {

    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        // Other tests' concerns must not reach this test's fallbacks.
        subscriptions.forEach(
                id -> as("admin").delete("/subscriptions/" + id).then().statusCode(204));
    }

    private static double unroutedMetric() {
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("open_circles_safeguarding_unrouted "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aConcernInAClpWithoutALeadGoesToTheNationalLeadElseTheDpoAtOnceAndTheGapShows() {
        String local = "dsl.sfa@staff.example";
        String dpo = "dpo.sfb@staff.example";
        String national = "dsl.national.sfc@staff.example";
        subscriptions.add(Notices.subscribe(local, "safeguarding-lead", List.of("SFA")));
        subscriptions.add(Notices.subscribe(dpo, "data-protection", List.of("*")));

        // No lead for SFX and no national lead yet: the DPO hears of it, at once, and is told why.
        UUID toDpo = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "SFX");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(dpo).size() == 1);
        String text = MailTestResource.text(MailTestResource.inbox(dpo).get(0));
        assertThat(
                text,
                containsString("No safeguarding lead covers SFX: it reaches you as the data protection " + "officer"));
        assertThat(text, containsString("/organiser/follow-ups/" + toDpo));
        assertThat(MailTestResource.inbox(local), hasSize(0));

        // A national lead now: the next uncovered concern is theirs, not the DPO's.
        subscriptions.add(Notices.subscribe(national, "safeguarding-lead", List.of("*")));
        UUID toNational = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "SFY");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(national).size() == 1);
        assertThat(
                MailTestResource.text(MailTestResource.inbox(national).get(0)),
                containsString("it reaches you as the national safeguarding lead"));
        List<Map<String, Object>> emails = Notices.emailsAbout(toNational, 1);
        assertThat(emails, hasSize(1));
        assertThat(emails.get(0).get("recipient"), equalTo(national));

        // A CLP with its own lead: the lead alone, not the national lead or the DPO.
        UUID covered = Notices.due(FollowUpReason.SAFEGUARDING_CONCERN_RAISED, "SFA");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MailTestResource.inbox(local).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Notices.emails("followUpId=" + covered).size() == 1);
        assertThat(MailTestResource.inbox(national), hasSize(1));
        assertThat(MailTestResource.inbox(dpo), hasSize(1));

        // The gap, for an admin and the leads: SFX and SFY have no lead, SFA has.
        List<String> uncovered = as("dsl-london")
                .get("/safeguarding/uncovered-clps")
                .then()
                .statusCode(200)
                .extract()
                .path("items.clpCode");
        assertThat(uncovered, hasItem("SFX"));
        assertThat(uncovered, hasItem("SFY"));
        assertThat(uncovered, not(hasItem("SFA")));
        as("admin")
                .get("/safeguarding/uncovered-clps")
                .then()
                .statusCode(200)
                .body("items.find { it.clpCode == 'SFY' }.openSafeguardingFollowUps", equalTo(1))
                .body("items.find { it.clpCode == 'SFY' }.fallback", equalTo("NATIONAL_LEAD"));
        as("sec-dwn").get("/safeguarding/uncovered-clps").then().statusCode(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> unroutedMetric() >= 2);

        // Other services hear of the gap: the organiser's dashboard says so.
        TopicProbe.Received gap = TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "safeguarding-cover",
                r -> "SFY".equals(r.key())
                        && "NATIONAL_LEAD"
                                .equals(r.value()
                                        .path("payload")
                                        .path("fallback")
                                        .asText()),
                Duration.ofSeconds(20));
        assertThat(gap.value().path("type").asText(), equalTo("safeguarding.cover-changed"));
        assertThat(gap.value().path("payload").path("ownLead").asBoolean(), equalTo(false));
        TopicProbe.awaitRecord(
                KafkaBroker.bootstrapServers(),
                "safeguarding-cover",
                r -> "SFA".equals(r.key())
                        && r.value().path("payload").path("ownLead").asBoolean(),
                Duration.ofSeconds(20));
    }
}
