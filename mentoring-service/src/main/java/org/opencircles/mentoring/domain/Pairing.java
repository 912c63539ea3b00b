package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencircles.events.PairingEndReason;

/** A mentor and a mentee: proposed, then active once safeguarding is satisfied on the start date, then ended. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    /** Lifecycle of a pairing; SUSPENDED while a safeguarding concern is looked into (no sessions). */
    public enum Status {
        PROPOSED,
        ACTIVE,
        SUSPENDED,
        ENDED
    }

    /** Statuses of a pairing that has not ended: each counts against capacity and the one-pairing-per-mentee rule. */
    public static final List<Status> LIVE = List.of(Status.PROPOSED, Status.ACTIVE, Status.SUSPENDED);

    /** Why a pairing ended; the first two leave the mentee waiting for a new mentor. */
    @Id
    public UUID id;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public PairingEndReason endReason;

    @Version
    public long version;

    public boolean isLive() {
        return LIVE.contains(status);
    }
}
