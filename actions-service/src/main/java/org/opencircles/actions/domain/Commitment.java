package org.opencircles.actions.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A practical local action members committed to, tracked until it is done or honestly dropped.
 * <p>R__clp_figures_stale.sql: writes mark the CLP's dashboard figures stale (triggers commitment_figures_*).
 */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentKind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    /** The event or meeting where it was made, e.g. "Connecting to Win, Liverpool". */
    @Column(name = "made_at", nullable = false)
    public String madeAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_member_ids", columnDefinition = "uuid[]", nullable = false)
    public List<UUID> ownerMemberIds = new ArrayList<>();

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus status;

    @Column(name = "percent_complete", nullable = false)
    public int percentComplete;

    /** Fundraising only: the target, e.g. a local organiser's salary, in pence. */
    @Column(name = "target_pence")
    public Long targetPence;

    @Column(name = "raised_pence", nullable = false)
    public long raisedPence;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Version
    public long version;

    public boolean isOverdueOn(LocalDate day) {
        return status.isOpen() && dueOn.isBefore(day);
    }
}
