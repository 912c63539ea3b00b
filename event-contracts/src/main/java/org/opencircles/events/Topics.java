package org.opencircles.events;

import java.util.List;

/** Names of the Kafka topics; a service's consumer of a topic is named after it ({@code actions-service/member-events}). */
public final class Topics {
    /** Member lifecycle and contact facts, keyed by member id. Written by members-service. */
    public static final String MEMBER_EVENTS = "member-events";
    /** Commitments made at events and their progress, keyed by commitment id. Written by actions-service. */
    public static final String COMMITMENT_EVENTS = "commitment-events";
    /** Follow-ups that fell due or were closed, for notifiers; keyed by follow-up id. Written by actions-service. */
    public static final String FOLLOW_UPS = "follow-ups";
    /** Mentors, mentees and pairings: keyed by mentor id, or by mentee id for every step of a mentee's journey. */
    public static final String MENTORING_EVENTS = "mentoring-events";

    /** Whether each CLP has a safeguarding lead of its own, keyed by CLP code. Written by notifier-service. */
    public static final String SAFEGUARDING_COVER = "safeguarding-cover";

    /** Every service's audit of reads and writes of personal data, ids only; read by members-service for the DPO. */
    public static final String PERSONAL_DATA_ACCESS = "personal-data-access";

    /** Every topic events travel on, as a deployment creates them. */
    public static final List<String> ALL = List.of(
            MEMBER_EVENTS, COMMITMENT_EVENTS, FOLLOW_UPS, MENTORING_EVENTS, PERSONAL_DATA_ACCESS, SAFEGUARDING_COVER);

    /** The services that consume events, each with its own dead-letter topic. */
    public static final List<String> CONSUMERS =
            List.of("members-service", "actions-service", "mentoring-service", "notifier-service");

    /** Where a service puts the messages it can never process, with the reason in headers. */
    public static String deadLetters(String service) {
        return service + ".dlq";
    }

    private Topics() {}
}
