package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One step in a concern's history, timestamped and attributed; the database refuses to change or delete it.
 * <p>R__concern_history.sql: the database refuses to change or delete an entry (trigger concern_entry_append_only).
 */
@Entity
@Table(name = "concern_entry")
public class ConcernEntry extends PanacheEntityBase {

    /** What happened. */
    public enum Kind {
        RAISED,
        PAIRING_SUSPENDED,
        NOTE_ADDED,
        OUTCOME_RECORDED,
        PAIRING_ENDED,
        PAIRING_REINSTATED,
        MENTOR_BARRED,
        /** A member involved was erased; the concern was kept, minimised, as the law requires. */
        MEMBER_ERASED_RECORD_KEPT
    }

    @Id
    public UUID id;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Concern.Outcome outcome;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The order entries were added in (several share a timestamp); numbered by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
