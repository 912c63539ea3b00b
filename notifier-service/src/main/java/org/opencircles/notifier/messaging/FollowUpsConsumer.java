package org.opencircles.notifier.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.opencircles.events.FollowUpPayloads;
import org.opencircles.events.Topics;
import org.opencircles.notifier.service.FollowUpsApplier;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.ReceivedEvent;

/** Applies follow-ups to what staff are told: due ones are kept (and safeguarding ones emailed), closed ones dropped. */
@ApplicationScoped
public class FollowUpsConsumer implements EventHandler {

    @Inject
    FollowUpsApplier notices;

    @Override
    public String topic() {
        return Topics.FOLLOW_UPS;
    }

    /** Every event on this topic is keyed by its follow-up: the ones already kept are read in one query. */
    @Override
    public void prepare(List<ReceivedEvent> events) {
        notices.prefetch(events.stream()
                .flatMap(e -> e.aggregateUuid().stream())
                .distinct()
                .toList());
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case FOLLOW_UP_DUE -> notices.due(event.payload(FollowUpPayloads.Due.class));
            case FOLLOW_UP_CLOSED -> notices.closed(event.payload(FollowUpPayloads.Closed.class));
            default -> {
                // Nothing else is published on follow-ups today; a later type is not ours to act on.
            }
        }
    }
}
