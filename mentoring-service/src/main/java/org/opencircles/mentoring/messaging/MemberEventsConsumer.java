package org.opencircles.mentoring.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.Topics;
import org.opencircles.mentoring.service.MemberChanges;
import org.opencircles.platform.inbox.Inbox;
import org.opencircles.platform.inbox.ReceivedEvent;

/** Applies member-events to mentoring's projection and pairings, once each; unreadable messages go to the DLQ. */
@ApplicationScoped
public class MemberEventsConsumer {

    static final String CONSUMER = "mentoring-service/" + Topics.MEMBER_EVENTS;

    @Inject
    Inbox inbox;

    @Inject
    MemberChanges members;

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    @Transactional
    public void consume(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        switch (event.type()) {
            case MEMBER_JOINED -> members.joined(event.payload(MemberPayloads.Joined.class));
            case MEMBER_UPDATED -> members.updated(event.payload(MemberPayloads.Updated.class));
            case MEMBER_STATUS_CHANGED -> members.statusChanged(event.payload(MemberPayloads.StatusChanged.class));
            case MEMBER_ERASED -> members.erased(event.payload(MemberPayloads.Erased.class));
            default -> {
                // Contact log entries do not concern mentoring.
            }
        }
    }
}
