package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A constituency Labour party: the unit a secretary runs and an organiser oversees. */
@Entity
@Table(name = "clp")
public class Clp extends PanacheEntityBase {

    /** Short stable code, e.g. DWN for Dulwich and West Norwood; used in roles and events. */
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** The region an organiser covers, e.g. London. */
    @Column(nullable = false)
    public String region;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
