package org.opencircles.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.EventType;
import org.opencircles.events.MemberPayloads;

/** Runs of events written together, and everything else applied on its own in between, in the batch's order. */
class EventRunsTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void consecutiveRunnableEventsGoTogetherAndAnyOtherEventFirstHasTheRunWritten() {
        List<String> calls = new ArrayList<>();
        EventRuns.apply(
                List.of(joined(a), joined(b), updated(a), joined(c), updated(c)),
                EventRunsTest::joinedMember,
                id -> id,
                run -> calls.add("run " + names(run)),
                e -> calls.add("one " + e.type().wireName() + " "
                        + name(e.aggregateUuid().orElseThrow())));
        assertEquals(List.of("run [a, b]", "one member.updated a", "run [c]", "one member.updated c"), calls);
    }

    @Test
    void aSecondEventAboutTheSameThingIsAppliedOnItsOwnAfterTheRunBeforeIt() {
        List<String> calls = new ArrayList<>();
        EventRuns.apply(
                List.of(joined(a), joined(b), joined(a), joined(c)),
                EventRunsTest::joinedMember,
                id -> id,
                run -> calls.add("run " + names(run)),
                e -> calls.add("one " + e.type().wireName() + " "
                        + name(e.aggregateUuid().orElseThrow())));
        assertEquals(List.of("run [a, b]", "one member.joined a", "run [c]"), calls);
    }

    @Test
    void aBatchWithNothingRunnableIsAppliedOneByOneAndAnEmptyOneNotAtAll() {
        List<String> calls = new ArrayList<>();
        EventRuns.apply(
                List.of(updated(a), updated(b)),
                EventRunsTest::joinedMember,
                id -> id,
                run -> calls.add("run " + names(run)),
                e -> calls.add("one " + name(e.aggregateUuid().orElseThrow())));
        EventRuns.apply(
                List.of(),
                EventRunsTest::joinedMember,
                id -> id,
                run -> calls.add("run " + names(run)),
                e -> calls.add("one"));
        assertEquals(List.of("one a", "one b"), calls);
    }

    private static UUID joinedMember(ReceivedEvent event) {
        return event.type() == EventType.MEMBER_JOINED
                ? event.payload(MemberPayloads.Joined.class).memberId()
                : null;
    }

    private List<String> names(List<UUID> ids) {
        return ids.stream().map(this::name).toList();
    }

    private String name(UUID id) {
        return id.equals(a) ? "a" : id.equals(b) ? "b" : "c";
    }

    private static ReceivedEvent joined(UUID member) {
        return event(
                EventType.MEMBER_JOINED,
                member,
                new MemberPayloads.Joined(
                        member, "N001", "N001-W1", "ACTIVE", LocalDate.of(2026, 1, 5), null, null, false));
    }

    private static ReceivedEvent updated(UUID member) {
        return event(
                EventType.MEMBER_UPDATED,
                member,
                new MemberPayloads.Updated(member, "N001", "N001-W2", null, null, false));
    }

    private static ReceivedEvent event(EventType type, UUID aggregate, Record payload) {
        return ReceivedEvent.of(type, aggregate, payload, Instant.parse("2026-12-06T09:00:00Z"));
    }
}
