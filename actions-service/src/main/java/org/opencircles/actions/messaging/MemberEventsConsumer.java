package org.opencircles.actions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencircles.actions.service.MemberFollowUps;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.Topics;
import org.opencircles.platform.inbox.EventHandler;
import org.opencircles.platform.inbox.ReceivedEvent;

import java.util.List;

/** Applies member-events to the member projection and follow-ups, once each; called by the platform's consumer once per event. */
@ApplicationScoped
public class MemberEventsConsumer implements EventHandler {

    @Inject
    MemberFollowUps members;

    @Override
    public String topic() {
        return Topics.MEMBER_EVENTS;
    }

    /** Every event on this topic is keyed by its member (call lists' by the list, which finds no projection). */
    @Override
    public void prepare(List<ReceivedEvent> events) {
        members.prefetch(events.stream().flatMap(e -> e.aggregateUuid().stream()).distinct().toList());
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case MEMBER_JOINED -> members.joined(event.payload(MemberPayloads.Joined.class),
                    event.envelope().occurredAt());
            case MEMBER_UPDATED -> members.updated(event.payload(MemberPayloads.Updated.class));
            case MEMBER_STATUS_CHANGED -> members.statusChanged(event.payload(MemberPayloads.StatusChanged.class));
            case MEMBER_CONTACT_LOGGED -> members.contactLogged(event.payload(MemberPayloads.ContactLogged.class));
            case MEMBER_ERASED -> members.erased(event.payload(MemberPayloads.Erased.class));
            case CALL_LIST_PROGRESSED -> members.callListProgressed(event.payload(MemberPayloads.CallListProgressed.class));
            default -> {
                // Other types on this topic are not ours to act on.
            }
        }
    }
}
