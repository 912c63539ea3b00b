package org.opencircles.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.testkit.KafkaBroker;
import org.opencircles.testkit.UpstreamEvents;

/** Plays the other services: publishes their events, as their outbox relays would, onto the real broker. */
final class Upstream {

    private Upstream() {}

    /** Publishes an event and returns its message, so a test can publish the very same message again. */
    static String publish(Record payload, UUID aggregateId) {
        return UpstreamEvents.publish(KafkaBroker.bootstrapServers(), payload, aggregateId);
    }

    /** Publishes an event about an aggregate known by a code (a CLP), not a UUID. */
    static String publish(Record payload, String aggregateId) {
        return UpstreamEvents.publish(KafkaBroker.bootstrapServers(), payload, aggregateId);
    }

    static UUID memberJoined(String clp) {
        return memberJoined(clp, LocalDate.now());
    }

    static UUID memberJoined(String clp, LocalDate joinedOn) {
        UUID id = UUID.randomUUID();
        publish(
                new MemberPayloads.Joined(
                        id,
                        clp,
                        clp + "-W1",
                        "ACTIVE",
                        joinedOn,
                        LocalDate.of(1998, 1, 1),
                        LocalDate.of(2007, 1, 1),
                        false),
                id);
        return id;
    }

    static void contact(UUID memberId, String clp, String kind) {
        publish(new MemberPayloads.ContactLogged(memberId, clp, kind, Instant.now()), memberId);
    }

    static UUID menteeEnrolled(UUID memberId, String clp) {
        UUID mentee = UUID.randomUUID();
        publish(new MentoringPayloads.MenteeEnrolled(mentee, memberId, clp, LocalDate.now()), mentee);
        return mentee;
    }
}
