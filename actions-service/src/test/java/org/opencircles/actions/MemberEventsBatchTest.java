package org.opencircles.actions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencircles.actions.config.FollowUpConfig;
import org.opencircles.actions.domain.FollowUp;
import org.opencircles.actions.domain.MemberProjection;
import org.opencircles.actions.messaging.MemberEventsConsumer;
import org.opencircles.events.EventType;
import org.opencircles.events.FollowUpReason;
import org.opencircles.events.MemberPayloads;
import org.opencircles.platform.consumer.ReceivedEvent;
import org.opencircles.platform.time.CivilTime;

/**
 * One consumer batch as the platform hands it over (the projections read up front, then the events in order): an
 * import's new members are written together, and an event about one of them later in the same batch still finds and
 * changes what the earlier ones wrote, exactly as when every event was applied on its own.
 */
@QuarkusTest
class MemberEventsBatchTest {

    @Inject
    MemberEventsConsumer handler;

    @Inject
    FollowUpConfig rules;

    @Test
    void newMembersOfABatchAreWrittenTogetherAndLaterEventsInItSeeThem() {
        Instant recorded = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The civil date the service reckons with (Europe/London).
        LocalDate today = CivilTime.dayOf(recorded);
        UUID minor = UUID.randomUUID();
        UUID longStanding = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        LocalDate minorAdultOn = today.plusYears(2);
        List<ReceivedEvent> batch = List.of(
                joined(
                        recorded,
                        new MemberPayloads.Joined(
                                minor, "N810", "N810-W1", "ACTIVE", today, minorAdultOn, today.plusYears(11), false)),
                joined(
                        recorded,
                        new MemberPayloads.Joined(
                                longStanding,
                                "N810",
                                "N810-W2",
                                "ACTIVE",
                                today.minusYears(5),
                                today.minusYears(20),
                                today.minusYears(11),
                                false)),
                // The guardian's consent arrives in the same batch: the follow-up just scheduled is closed again.
                ReceivedEvent.of(
                        EventType.MEMBER_UPDATED,
                        minor,
                        new MemberPayloads.Updated(minor, "N810", "N810-W3", minorAdultOn, today.plusYears(11), true),
                        recorded),
                joined(
                        recorded,
                        new MemberPayloads.Joined(
                                lapsed, "N811", "N811-W1", "LAPSED", today.minusYears(2), null, null, false)),
                // member.joined again for a member this batch has already written: applied on its own, as a change.
                joined(
                        recorded,
                        new MemberPayloads.Joined(
                                longStanding,
                                "N810",
                                "N810-W4",
                                "ACTIVE",
                                today.minusYears(5),
                                today.minusYears(20),
                                today.minusYears(11),
                                false)));

        QuarkusTransaction.requiringNew().run(() -> {
            handler.prepare(batch);
            handler.applyAll(batch);
        });

        QuarkusTransaction.requiringNew().run(() -> {
            MemberProjection m = MemberProjection.findById(minor);
            assertThat(m.wardCode, equalTo("N810-W3"));
            assertThat(m.guardianConsent, is(true));
            assertThat(m.adultOn, equalTo(minorAdultOn));
            assertThat(m.joinedRecordedAt, equalTo(recorded));
            MemberProjection l = MemberProjection.findById(longStanding);
            assertThat(l.wardCode, equalTo("N810-W4"));
            assertThat(l.joinedOn, equalTo(today.minusYears(5)));
            assertThat(((MemberProjection) MemberProjection.findById(lapsed)).status, equalTo("LAPSED"));

            Map<FollowUpReason, FollowUp> minors = followUps(minor);
            assertThat(
                    minors.keySet(),
                    equalTo(Set.of(FollowUpReason.GUARDIAN_CONSENT_MISSING, FollowUpReason.NEW_MEMBER_NOT_CONTACTED)));
            FollowUp consent = minors.get(FollowUpReason.GUARDIAN_CONSENT_MISSING);
            assertThat(consent.status, equalTo(FollowUp.Status.RESOLVED));
            assertThat(consent.occurrence, equalTo("joined"));
            assertThat(consent.clpCode, equalTo("N810"));
            assertThat(consent.assigneeRole, equalTo(FollowUpReason.GUARDIAN_CONSENT_MISSING.assigneeRole()));
            FollowUp contact = minors.get(FollowUpReason.NEW_MEMBER_NOT_CONTACTED);
            // Due seconds from now in tests: the follow-up clock may already have opened it.
            assertThat(contact.status, anyOf(equalTo(FollowUp.Status.SCHEDULED), equalTo(FollowUp.Status.OPEN)));
            assertThat(contact.dueAt, equalTo(recorded.plus(rules.newMemberContactWithin())));
            // Joined five years ago: no first contact is due any more; a lapsed member gets none either.
            assertThat(followUps(longStanding), anEmptyMap());
            assertThat(followUps(lapsed), anEmptyMap());
        });
    }

    private static Map<FollowUpReason, FollowUp> followUps(UUID subject) {
        return FollowUp.<FollowUp>list("subjectId", subject).stream().collect(Collectors.toMap(f -> f.reason, f -> f));
    }

    private static ReceivedEvent joined(Instant at, MemberPayloads.Joined payload) {
        return ReceivedEvent.of(EventType.MEMBER_JOINED, payload.memberId(), payload, at);
    }
}
