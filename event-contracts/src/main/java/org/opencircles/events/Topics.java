package org.opencircles.events;

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

    /** Every service's audit of reads and writes of personal data, ids only; read by members-service for the DPO. */
    public static final String PERSONAL_DATA_ACCESS = "personal-data-access";

    private Topics() {
    }
}
