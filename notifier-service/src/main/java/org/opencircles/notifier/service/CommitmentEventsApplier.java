package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencircles.events.CommitmentPayloads;
import org.opencircles.notifier.domain.Commitment;

/** Keeps each CLP's commitments (kind, due date, status, money) and adds them up for the digest. */
@ApplicationScoped
public class CommitmentEventsApplier {

    public void made(CommitmentPayloads.Made made) {
        Commitment c = Commitment.findById(made.commitmentId());
        if (c == null) {
            c = new Commitment();
            c.id = made.commitmentId();
            c.status = "COMMITTED";
        }
        c.clpCode = made.clpCode();
        c.kind = made.kind();
        c.dueOn = made.dueOn();
        c.targetPence = made.targetPence();
        if (!c.isPersistent()) {
            c.persist();
        }
    }

    public void progressed(CommitmentPayloads.Progressed progressed) {
        Commitment c = Commitment.findById(progressed.commitmentId());
        if (c == null) {
            // Made before this service subscribed: what we know now is enough to count it.
            c = new Commitment();
            c.id = progressed.commitmentId();
            c.clpCode = progressed.clpCode();
            c.kind = "UNKNOWN";
        }
        c.status = progressed.status();
        if (progressed.raisedPence() != null) {
            c.raisedPence = progressed.raisedPence();
        }
        if (!c.isPersistent()) {
            c.persist();
        }
    }
}
