package org.opencircles.mentoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.EventType;
import org.opencircles.events.MemberPayloads;
import org.opencircles.mentoring.domain.MemberProjection;
import org.opencircles.mentoring.messaging.MemberEventsConsumer;
import org.opencircles.mentoring.service.MemberEventsApplier;
import org.opencircles.platform.consumer.ReceivedEvent;

/**
 * One consumer batch as the platform applies it: the projections read up front in one query, then the events in order,
 * a run of new members written together. A member who joins and changes in the same batch, one already projected, and
 * one never announced.
 */
@QuarkusTest
class MemberProjectionBatchTest {

    @Inject
    MemberEventsApplier members;

    @Inject
    MemberEventsConsumer handler;

    @Test
    void aBatchAppliesEveryEventOnTheProjectionsItReadUpFront() {
        LocalDate born = LocalDate.now().minusYears(16);
        UUID known = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID neverAnnounced = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            members.prefetch(List.of(known));
            members.joined(joined(known, "N700-W1", born));
        });

        QuarkusTransaction.requiringNew().run(() -> {
            members.prefetch(List.of(fresh, known, neverAnnounced));
            members.joined(joined(fresh, "N700-W1", born));
            // Found again after it was persisted in this batch, though the batch read it as absent.
            members.updated(
                    new MemberPayloads.Updated(fresh, "N700", "N700-W2", born.plusYears(18), born.plusYears(27), true));
            members.statusChanged(new MemberPayloads.StatusChanged(
                    known, "N700", "ACTIVE", "LAPSED", MemberPayloads.ARREARS_PAST_GRACE));
            // Absent, so nothing to change and nothing created.
            members.statusChanged(new MemberPayloads.StatusChanged(
                    neverAnnounced, "N700", "ACTIVE", "LAPSED", MemberPayloads.ARREARS_PAST_GRACE));
        });

        QuarkusTransaction.requiringNew().run(() -> {
            MemberProjection updated = MemberProjection.findById(fresh);
            assertThat(updated.wardCode, equalTo("N700-W2"));
            assertThat(updated.guardianConsent, equalTo(true));
            assertThat(updated.status, equalTo("ACTIVE"));
            MemberProjection lapsed = MemberProjection.findById(known);
            assertThat(lapsed.status, equalTo("LAPSED"));
            assertThat(lapsed.wardCode, equalTo("N700-W1"));
            assertThat(MemberProjection.findById(neverAnnounced), nullValue());
        });
    }

    @Test
    void newMembersOfABatchAreWrittenTogetherAndLaterEventsInItSeeThem() {
        LocalDate born = LocalDate.now().minusYears(15);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        List<ReceivedEvent> batch = List.of(
                event(EventType.MEMBER_JOINED, first, joined(first, "N700-W1", born)),
                event(EventType.MEMBER_JOINED, second, joined(second, "N700-W1", born)),
                // Written with the run before it, then changed: the guardian consented, and the member moved.
                event(
                        EventType.MEMBER_UPDATED,
                        first,
                        new MemberPayloads.Updated(
                                first, "N701", "N701-W1", born.plusYears(18), born.plusYears(27), true)),
                event(EventType.MEMBER_JOINED, third, joined(third, "N700-W2", born)),
                event(
                        EventType.MEMBER_STATUS_CHANGED,
                        third,
                        new MemberPayloads.StatusChanged(third, "N700", "ACTIVE", "RESIGNED", "RESIGNED")),
                // member.joined again for a member the batch has already written: applied on its own, as a change.
                event(EventType.MEMBER_JOINED, second, joined(second, "N700-W3", born)));

        QuarkusTransaction.requiringNew().run(() -> {
            handler.prepare(batch);
            handler.applyAll(batch);
        });

        QuarkusTransaction.requiringNew().run(() -> {
            MemberProjection moved = MemberProjection.findById(first);
            assertThat(moved.clpCode, equalTo("N701"));
            assertThat(moved.guardianConsent, equalTo(true));
            MemberProjection again = MemberProjection.findById(second);
            assertThat(again.wardCode, equalTo("N700-W3"));
            assertThat(again.adultOn, equalTo(born.plusYears(18)));
            assertThat(again.youthUntil, equalTo(born.plusYears(27)));
            assertThat(((MemberProjection) MemberProjection.findById(third)).status, equalTo("RESIGNED"));
        });
    }

    private static ReceivedEvent event(EventType type, UUID member, Record payload) {
        return ReceivedEvent.of(type, member, payload, Instant.now());
    }

    private static MemberPayloads.Joined joined(UUID id, String ward, LocalDate born) {
        return new MemberPayloads.Joined(
                id, "N700", ward, "ACTIVE", LocalDate.now(), born.plusYears(18), born.plusYears(27), false);
    }
}
