package org.opencircles.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencircles.events.EventType;
import org.opencircles.events.MemberPayloads;

/** How a consumer reads a message: tolerant of additions, strict about versions, explicit about poison. */
class InboxReadTest {

    /** Strict, as REST input is: the inbox must relax it for events on its own. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Inbox inbox =
            new Inbox(STRICT, null, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    private static final UUID MEMBER = UUID.fromString("0b7e3a52-1c1e-4a9a-8a4e-8b3f6c2d9e10");

    private static String joined(String type, int version, String extraEnvelope, String extraPayload) {
        return """
                {"eventId":"5f0c8a52-6a53-4a0e-9d2b-0f1b4cf5f0a7","type":"%s","version":%d,
                 "occurredAt":"2026-11-22T21:03:11Z","aggregateType":"member","aggregateId":"%s"%s,
                 "payload":{"memberId":"%s","clpCode":"DWN","wardCode":"DWN-HERNE-HILL","status":"ACTIVE",
                 "joinedOn":"2026-11-22","adultOn":null,"youthUntil":null,"guardianConsent":true%s}}""".formatted(type, version, MEMBER, extraEnvelope, MEMBER, extraPayload);
    }

    @Test
    void readsAnEventAsItsPayloadRecord() {
        ReceivedEvent event = inbox.read(joined("member.joined", 1, "", "")).orElseThrow();
        assertEquals(EventType.MEMBER_JOINED, event.type());
        MemberPayloads.Joined payload = event.payload(MemberPayloads.Joined.class);
        assertEquals(MEMBER, payload.memberId());
        assertEquals(LocalDate.of(2026, 11, 22), payload.joinedOn());
        assertTrue(payload.guardianConsent());
    }

    @Test
    void ignoresFieldsANewerProducerAdded() {
        ReceivedEvent event = inbox.read(
                        joined("member.joined", 1, ",\"traceId\":\"t-1\"", ",\"preferredLanguage\":\"cy\""))
                .orElseThrow();
        assertEquals("DWN", event.payload(MemberPayloads.Joined.class).clpCode());
    }

    @Test
    void skipsATypeThisBuildDoesNotKnow() {
        assertEquals(Optional.empty(), inbox.read(joined("member.teleported", 1, "", "")));
    }

    @Test
    void refusesAVersionItDoesNotKnowSayingWhy() {
        PoisonMessageException e =
                assertThrows(PoisonMessageException.class, () -> inbox.read(joined("member.joined", 2, "", "")));
        assertEquals("member.joined version 2 is not one this reader knows (it reads up to version 1)", e.getMessage());
    }

    @Test
    void refusesWhatIsNotAnEventSayingWhy() {
        assertTrue(assertThrows(PoisonMessageException.class, () -> inbox.read("this is not an event {"))
                .getMessage()
                .startsWith("Not an event envelope"));
        assertEquals(
                "The envelope lacks eventId, type or payload",
                assertThrows(PoisonMessageException.class, () -> inbox.read("{\"type\":\"member.joined\"}"))
                        .getMessage());
        assertEquals(
                "The payload does not match member.joined v1",
                assertThrows(
                                PoisonMessageException.class,
                                () -> inbox.read(joined("member.joined", 1, "", "")
                                        .replace("\"memberId\":\"" + MEMBER + "\"", "\"memberId\":\"not-a-uuid\"")))
                        .getMessage());
        assertEquals(
                "The message has no value",
                assertThrows(PoisonMessageException.class, () -> inbox.read(null))
                        .getMessage());
    }
}
