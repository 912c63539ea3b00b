package org.opencircles.notifier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.opencircles.events.FollowUpReason;

/**
 * A follow-up actions-service opened (follow-up.due) and, later, closed: ids, codes and times only. The reason is
 * kept as sent, so a reason added upstream later is still listed (as not immediate) rather than refused.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;

    public String reason;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "clp_code")
    public String clpCode;

    @Column(name = "assignee_role")
    public String assigneeRole;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public String resolution;

    /** The reason as this build knows it, or null for one added upstream since. */
    public FollowUpReason knownReason() {
        return FollowUpReason.valueOfOrNull(reason);
    }

    /** A safeguarding matter the assignee hears about at once, not in the morning digest. */
    public boolean immediate() {
        FollowUpReason known = knownReason();
        return known != null && known.immediate();
    }

    public boolean open() {
        return closedAt == null;
    }
}
