package org.opencircles.actions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencircles.actions.service.MentoringEventsApplier;
import org.opencircles.events.MentoringPayloads;
import org.opencircles.events.Topics;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.ReceivedEvent;

/** Applies mentoring-events to the mentee projection, so waiting mentees get followed up. */
@ApplicationScoped
public class MentoringEventsConsumer implements EventHandler {

    @Inject
    MentoringEventsApplier mentees;

    @Override
    public String topic() {
        return Topics.MENTORING_EVENTS;
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case MENTEE_ENROLLED ->
                mentees.enrolled(
                        event.payload(MentoringPayloads.MenteeEnrolled.class),
                        event.envelope().occurredAt());
            case PAIRING_ACTIVATED -> mentees.paired(event.payload(MentoringPayloads.PairingActivated.class));
            case PAIRING_ENDED ->
                mentees.pairingEnded(
                        event.payload(MentoringPayloads.PairingEnded.class),
                        event.envelope().occurredAt());
            case MENTEE_WITHDRAWN -> mentees.withdrawn(event.payload(MentoringPayloads.MenteeWithdrawn.class));
            case PAIRING_SUSPENDED -> mentees.suspended(event.payload(MentoringPayloads.PairingSuspended.class));
            case PAIRING_REINSTATED -> mentees.reinstated(event.payload(MentoringPayloads.PairingReinstated.class));
            case CONCERN_RAISED ->
                mentees.concernRaised(
                        event.payload(MentoringPayloads.ConcernRaised.class),
                        event.envelope().occurredAt());
            case CONCERN_OUTCOME_RECORDED ->
                mentees.concernDecided(event.payload(MentoringPayloads.ConcernOutcomeRecorded.class));
            default -> {
                // Mentor registrations and other types do not drive follow-ups.
            }
        }
    }
}
