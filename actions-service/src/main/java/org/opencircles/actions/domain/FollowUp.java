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
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.opencircles.events.FollowUpReason;

/**
 * A row of the due table: a follow-up scheduled for a time, opened (and published) when that time comes if its cause
 * still holds, and closed by a person (DONE) or by events (RESOLVED).
 * <p>R__clp_figures_stale.sql: writes mark the CLP's dashboard figures stale (triggers follow_up_figures_*).
 */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    /** Lifecycle of a follow-up. */
    public enum Status {
        SCHEDULED,
        OPEN,
        DONE,
        RESOLVED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpReason reason;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    /** Distinguishes repeat causes for one subject (e.g. each time a member says they want to get involved). */
    @Column(nullable = false)
    public String occurrence;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Column(name = "assignee_role", nullable = false)
    public String assigneeRole;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    public String note;

    @Version
    public long version;

    /** Whether a caller who sees {@code canSeeClp} may see this one: their CLP, and never a concern (the lead's alone). */
    public boolean shownTo(Predicate<String> canSeeClp) {
        return canSeeClp.test(clpCode) && !reason.safeguardingLeadOnly();
    }

    /** The members some of {@code followUps} are about, once each: reading those is reading personal data. */
    public static List<UUID> memberSubjects(List<FollowUp> followUps) {
        return followUps.stream()
                .filter(f -> "member".equals(f.subjectType))
                .map(f -> f.subjectId)
                .distinct()
                .toList();
    }
}
