package org.opencircles.events;

import java.util.UUID;

/**
 * A payload that is a step in one mentee's journey (enrolled, paired, pairing ended, withdrawn): it is keyed by the
 * mentee, not by its own aggregate, so every consumer sees the steps of one journey in the order they happened.
 */
public interface MenteeJourney {

    /** The mentee whose journey this step belongs to; the Kafka key of the event. */
    UUID menteeId();
}
