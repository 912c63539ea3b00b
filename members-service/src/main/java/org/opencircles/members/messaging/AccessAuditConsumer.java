package org.opencircles.members.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencircles.events.AuditPayloads;
import org.opencircles.events.Topics;
import org.opencircles.members.domain.ErasureRetention;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.consumer.EventHandler;
import org.opencircles.platform.consumer.ReceivedEvent;

/**
 * Gathers every other service's audit of personal data here, so the DPO reads all of it in one place, and what they
 * kept on erasure (beside the erasure record).
 */
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
        switch (event.type()) {
            case ACCESS_RECORDED -> audit.keepForwarded(event.payload(AuditPayloads.AccessRecorded.class));
            case RETAINED_ON_ERASURE -> keepRetention(event.payload(AuditPayloads.RetainedOnErasure.class));
            default -> {
                // Nothing else is published on this topic today.
            }
        }
    }

    /** Notes, beside the erasure record, what another service kept and why; a redelivery changes nothing. */
    private void keepRetention(AuditPayloads.RetainedOnErasure r) {
        ErasureRetention.Key key = new ErasureRetention.Key();
        key.memberId = r.memberId();
        key.service = r.service();
        key.recordType = r.recordType();
        ErasureRetention kept = ErasureRetention.findById(key);
        boolean first = kept == null;
        if (first) {
            kept = new ErasureRetention();
            kept.memberId = r.memberId();
            kept.service = r.service();
            kept.recordType = r.recordType();
        }
        kept.count = r.count();
        kept.basis = r.basis();
        kept.notedAt = r.notedAt();
        if (first) {
            kept.persist();
        }
    }
}
