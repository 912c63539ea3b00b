package org.opencircles.actions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencircles.actions.service.MemberFollowUps;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.Topics;
import org.opencircles.platform.inbox.Inbox;
import org.opencircles.platform.inbox.ReceivedEvent;

/** Applies member-events to the member projection and follow-ups, once each; unreadable messages go to the DLQ. */
@ApplicationScoped
public class MemberEventsConsumer {

    static final String CONSUMER = "actions-service/" + Topics.MEMBER_EVENTS;

    @Inject
    Inbox inbox;

    @Inject
    MemberFollowUps members;

    @Incoming(Topics.MEMBER_EVENTS)
    @Blocking
    @Transactional
    public void consume(String message) {
        inbox.receive(CONSUMER, message).ifPresent(this::apply);
    }

    private void apply(ReceivedEvent event) {
        switch (event.type()) {
            case MEMBER_JOINED -> members.joined(event.payload(MemberPayloads.Joined.class),
                    event.envelope().occurredAt());
            case MEMBER_UPDATED -> members.updated(event.payload(MemberPayloads.Updated.class));
            case MEMBER_STATUS_CHANGED -> members.statusChanged(event.payload(MemberPayloads.StatusChanged.class));
            case MEMBER_CONTACT_LOGGED -> members.contactLogged(event.payload(MemberPayloads.ContactLogged.class));
            case MEMBER_ERASED -> members.erased(event.payload(MemberPayloads.Erased.class));
            default -> {
                // Other types on this topic are not ours to act on.
            }
        }
    }
}
