package org.opencircles.actions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A secretary's call list as counts only (members on it, members with an outcome), from call-list.progressed.
 * <p>R__clp_figures_stale.sql: writes mark the CLP's dashboard figures stale (triggers call_list_projection_figures_*).
 */
@Entity
@Table(name = "call_list_projection")
public class CallListProjection extends PanacheEntityBase {

    @Id
    @Column(name = "list_id")
    public UUID listId;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int done;
}
