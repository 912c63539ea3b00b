package org.opencircles.notifier.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencircles.events.CommitmentPayloads;
import org.opencircles.events.Topics;
import org.opencircles.notifier.service.CommitmentEventsApplier;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.ReceivedEvent;

/** Applies commitment-events to the figures the morning digest gives secretaries and organisers. */
@ApplicationScoped
public class CommitmentEventsConsumer implements EventHandler {

    @Inject
    CommitmentEventsApplier figures;

    @Override
    public String topic() {
        return Topics.COMMITMENT_EVENTS;
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case COMMITMENT_MADE -> figures.made(event.payload(CommitmentPayloads.Made.class));
            case COMMITMENT_PROGRESSED -> figures.progressed(event.payload(CommitmentPayloads.Progressed.class));
            default -> {
                // No other commitment event changes the figures.
            }
        }
    }
}
