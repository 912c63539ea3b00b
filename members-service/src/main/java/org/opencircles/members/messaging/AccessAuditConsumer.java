package org.opencircles.members.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencircles.events.AuditPayloads;
import org.opencircles.events.EventType;
import org.opencircles.events.Topics;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.inbox.EventHandler;
import org.opencircles.platform.inbox.ReceivedEvent;

/** Gathers every other service's audit of personal data here, so the DPO reads all of it in one place. */
@ApplicationScoped
public class AccessAuditConsumer implements EventHandler {

    @Inject
    AccessAudit audit;

    @Override
    public String topic() {
        return Topics.PERSONAL_DATA_ACCESS;
    }

    @Override
    public void apply(ReceivedEvent event) {
        if (event.type() == EventType.ACCESS_RECORDED) {
            audit.keepForwarded(event.payload(AuditPayloads.AccessRecorded.class));
        }
    }
}
