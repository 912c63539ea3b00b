package org.opencircles.actions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.opencircles.actions.service.MemberEventsApplier;
import org.opencircles.events.EventType;
import org.opencircles.events.MemberPayloads;
import org.opencircles.events.Topics;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.EventRuns;
import org.opencircles.platform.consumer.ReceivedEvent;

/** Applies member-events to the member projection and follow-ups, once each; called by the platform's consumer once per event. */
@ApplicationScoped
public class MemberEventsConsumer implements EventHandler {

    @Inject
    MemberEventsApplier members;

    @Override
    public String topic() {
        return Topics.MEMBER_EVENTS;
    }

    /** Every event on this topic is keyed by its member (call lists' by the list, which finds no projection). */
    @Override
    public void prepare(List<ReceivedEvent> events) {
        members.prefetch(events.stream()
                .flatMap(e -> e.aggregateUuid().stream())
                .distinct()
                .toList());
    }

    /**
     * A run of members joining who have no projection yet is written together (an import sends thousands in a row);
     * any other event first has the run before it written, so it sees everything that came before it.
     */
    @Override
    public void applyAll(List<ReceivedEvent> events) {
        EventRuns.apply(events, this::newMember, j -> j.event().memberId(), members::joinedAll, this::apply);
    }

    /** A member.joined event about a member with no projection yet, or null for any other event. */
    private MemberEventsApplier.Joining newMember(ReceivedEvent event) {
        if (event.type() != EventType.MEMBER_JOINED) {
            return null;
        }
        MemberPayloads.Joined joined = event.payload(MemberPayloads.Joined.class);
        return members.isNew(joined.memberId())
                ? new MemberEventsApplier.Joining(joined, event.envelope().occurredAt())
                : null;
    }

    @Override
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case MEMBER_JOINED ->
                members.joined(
                        event.payload(MemberPayloads.Joined.class),
                        event.envelope().occurredAt());
            case MEMBER_UPDATED -> members.updated(event.payload(MemberPayloads.Updated.class));
            case MEMBER_STATUS_CHANGED -> members.statusChanged(event.payload(MemberPayloads.StatusChanged.class));
            case MEMBER_CONTACT_LOGGED -> members.contactLogged(event.payload(MemberPayloads.ContactLogged.class));
            case MEMBER_ERASED -> members.erased(event.payload(MemberPayloads.Erased.class));
            case CALL_LIST_PROGRESSED ->
                members.callListProgressed(event.payload(MemberPayloads.CallListProgressed.class));
            default -> {
                // Other types on this topic are not ours to act on.
            }
        }
    }
}
