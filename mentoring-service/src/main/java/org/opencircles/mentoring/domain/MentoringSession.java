package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One meeting of a pairing: when, how long, how, and whether another adult supervised. */
@Entity
@Table(name = "mentoring_session")
public class MentoringSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pairing_id", nullable = false)
    public UUID pairingId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public int minutes;

    /** IN_PERSON, VIDEO or PHONE. */
    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public boolean supervised;

    public String notes;

    @Column(name = "logged_by", nullable = false)
    public String loggedBy;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;

    /** The safeguarding concern flagged with this session, if any. */
    @Column(name = "concern_id")
    public UUID concernId;
}
