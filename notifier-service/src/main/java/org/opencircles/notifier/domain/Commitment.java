package org.opencircles.notifier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

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
}
