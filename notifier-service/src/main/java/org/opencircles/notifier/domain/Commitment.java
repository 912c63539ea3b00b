package org.opencircles.notifier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A commitment as the digest counts it: CLP, kind, due date, status and money, never its title or owners. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    public static final String DONE = "DONE";
    public static final String DROPPED = "DROPPED";

    @Id
    public UUID id;

    @Column(name = "clp_code")
    public String clpCode;

    public String kind;

    public String status;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "target_pence")
    public Long targetPence;

    @Column(name = "raised_pence")
    public Long raisedPence;

    public boolean finished() {
        return DONE.equals(status) || DROPPED.equals(status);
    }

    public boolean overdue(LocalDate today) {
        return !finished() && dueOn != null && dueOn.isBefore(today);
    }

    /** Per CLP in {@code clps} (all CLPs if null): open, overdue on {@code today}, and fundraising. */
    public static List<EmailText.CommitmentFigures> figures(Collection<String> clps, LocalDate today) {
        List<Commitment> commitments = clps == null ? Commitment.listAll() : Commitment.list("clpCode in ?1", clps);
        Map<String, List<Commitment>> byClp = commitments.stream().collect(Collectors.groupingBy(c -> c.clpCode));
        return byClp.entrySet().stream()
                .map(e -> new EmailText.CommitmentFigures(
                        e.getKey(),
                        (int) e.getValue().stream().filter(c -> !c.finished()).count(),
                        (int) e.getValue().stream()
                                .filter(c -> c.overdue(today))
                                .count(),
                        e.getValue().stream()
                                .filter(c -> !Commitment.DROPPED.equals(c.status) && c.targetPence != null)
                                .mapToLong(c -> c.targetPence)
                                .sum(),
                        e.getValue().stream()
                                .filter(c -> !Commitment.DROPPED.equals(c.status) && c.raisedPence != null)
                                .mapToLong(c -> c.raisedPence)
                                .sum()))
                .toList();
    }
}
