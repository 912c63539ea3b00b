package org.opencircles.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type we publish: its wire name, schema version, topic, aggregate and payload record. */
public enum EventType {
    MEMBER_JOINED("member.joined", 1, Topics.MEMBER_EVENTS, "member", MemberPayloads.Joined.class),
    MEMBER_UPDATED("member.updated", 1, Topics.MEMBER_EVENTS, "member", MemberPayloads.Updated.class),
    MEMBER_STATUS_CHANGED(
            "member.status-changed", 2, Topics.MEMBER_EVENTS, "member", MemberPayloads.StatusChanged.class),
    MEMBER_CONTACT_LOGGED(
            "member.contact-logged", 1, Topics.MEMBER_EVENTS, "member", MemberPayloads.ContactLogged.class),
    MEMBER_ERASED("member.erased", 1, Topics.MEMBER_EVENTS, "member", MemberPayloads.Erased.class),
    CALL_LIST_PROGRESSED(
            "call-list.progressed", 1, Topics.MEMBER_EVENTS, "call-list", MemberPayloads.CallListProgressed.class),

    COMMITMENT_MADE("commitment.made", 1, Topics.COMMITMENT_EVENTS, "commitment", CommitmentPayloads.Made.class),
    COMMITMENT_PROGRESSED(
            "commitment.progressed", 2, Topics.COMMITMENT_EVENTS, "commitment", CommitmentPayloads.Progressed.class),

    FOLLOW_UP_DUE("follow-up.due", 1, Topics.FOLLOW_UPS, "follow-up", FollowUpPayloads.Due.class),
    FOLLOW_UP_CLOSED("follow-up.closed", 1, Topics.FOLLOW_UPS, "follow-up", FollowUpPayloads.Closed.class),

    MENTOR_REGISTERED(
            "mentor.registered", 1, Topics.MENTORING_EVENTS, "mentor", MentoringPayloads.MentorRegistered.class),
    MENTEE_ENROLLED("mentee.enrolled", 1, Topics.MENTORING_EVENTS, "mentee", MentoringPayloads.MenteeEnrolled.class),
    MENTEE_WITHDRAWN("mentee.withdrawn", 2, Topics.MENTORING_EVENTS, "mentee", MentoringPayloads.MenteeWithdrawn.class),
    PAIRING_ACTIVATED(
            "pairing.activated", 1, Topics.MENTORING_EVENTS, "pairing", MentoringPayloads.PairingActivated.class),
    PAIRING_ENDED("pairing.ended", 1, Topics.MENTORING_EVENTS, "pairing", MentoringPayloads.PairingEnded.class),
    PAIRING_SUSPENDED(
            "pairing.suspended", 1, Topics.MENTORING_EVENTS, "pairing", MentoringPayloads.PairingSuspended.class),
    PAIRING_REINSTATED(
            "pairing.reinstated", 1, Topics.MENTORING_EVENTS, "pairing", MentoringPayloads.PairingReinstated.class),
    CONCERN_RAISED("concern.raised", 1, Topics.MENTORING_EVENTS, "concern", MentoringPayloads.ConcernRaised.class),
    CONCERN_OUTCOME_RECORDED(
            "concern.outcome-recorded",
            1,
            Topics.MENTORING_EVENTS,
            "concern",
            MentoringPayloads.ConcernOutcomeRecorded.class),

    ACCESS_RECORDED(
            "personal-data.accessed", 1, Topics.PERSONAL_DATA_ACCESS, "access", AuditPayloads.AccessRecorded.class),
    RETAINED_ON_ERASURE(
            "personal-data.retained-on-erasure",
            1,
            Topics.PERSONAL_DATA_ACCESS,
            "member",
            AuditPayloads.RetainedOnErasure.class),

    SAFEGUARDING_COVER_CHANGED(
            "safeguarding.cover-changed", 1, Topics.SAFEGUARDING_COVER, "clp", SafeguardingPayloads.CoverChanged.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final int version;
    private final String topic;
    private final String aggregateType;
    private final Class<? extends Record> payloadType;

    EventType(String wireName, int version, String topic, String aggregateType, Class<? extends Record> payloadType) {
        this.wireName = wireName;
        this.version = version;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.payloadType = payloadType;
    }

    /** The type as written in the envelope, e.g. {@code member.joined}. */
    public String wireName() {
        return wireName;
    }

    public int version() {
        return version;
    }

    public String topic() {
        return topic;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** The type for a wire name, empty for a type this build does not know (a newer producer, or garbage). */
    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
    }

    /**
     * The Kafka record key for an event: the mentee for a step of a mentee's journey (so enrolment, pairing and
     * withdrawal reach every consumer in order), otherwise the aggregate id.
     */
    public static String messageKey(Record payload, String aggregateId) {
        return payload instanceof MenteeJourney step ? step.menteeId().toString() : aggregateId;
    }

    /** The event type whose payload is this record, so producers cannot pair a payload with the wrong type. */
    public static EventType of(Record payload) {
        for (EventType type : values()) {
            if (type.payloadType == payload.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "No event type carries " + payload.getClass().getSimpleName());
    }
}
