package org.opencircles.actions.domain;

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
 * A mentee as seen from mentoring-events: waiting, paired or withdrawn, and since when.
 * <p>R__clp_figures_stale.sql: writes mark the CLP's dashboard figures stale (triggers mentee_projection_figures_*).
 */
@Entity
@Table(name = "mentee_projection")
public class MenteeProjection extends PanacheEntityBase {

    @Id
    @Column(name = "mentee_id")
    public UUID menteeId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    /** Where the mentee is on their journey, as actions-service follows it from mentoring events. */
    public enum Stage {
        WAITING,
        PAIRED,
        SUSPENDED,
        WITHDRAWN
    }

    @Column(name = "status", nullable = false)
    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;
}
