package org.opencircles.notifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencircles.events.CommitmentPayloads;
import org.opencircles.notifier.domain.Commitment;
import org.opencircles.notifier.domain.EmailText;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Keeps each CLP's commitments (kind, due date, status, money) and adds them up for the digest. */
@ApplicationScoped
public class CommitmentFigures {

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

    /** Per CLP in {@code clps} (all CLPs if null): open, overdue on {@code today}, and fundraising. */
    public List<EmailText.CommitmentFigures> of(Collection<String> clps, LocalDate today) {
        List<Commitment> commitments = clps == null ? Commitment.listAll()
                : Commitment.list("clpCode in ?1", clps);
        Map<String, List<Commitment>> byClp = commitments.stream().collect(Collectors.groupingBy(c -> c.clpCode));
        return byClp.entrySet().stream().map(e -> new EmailText.CommitmentFigures(e.getKey(),
                (int) e.getValue().stream().filter(c -> !c.finished()).count(),
                (int) e.getValue().stream().filter(c -> c.overdue(today)).count(),
                e.getValue().stream().filter(c -> !Commitment.DROPPED.equals(c.status) && c.targetPence != null)
                        .mapToLong(c -> c.targetPence).sum(),
                e.getValue().stream().filter(c -> !Commitment.DROPPED.equals(c.status) && c.raisedPence != null)
                        .mapToLong(c -> c.raisedPence).sum()))
                .toList();
    }
}
