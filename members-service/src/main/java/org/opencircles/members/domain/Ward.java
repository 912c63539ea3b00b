package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A branch or ward of a CLP; every member belongs to exactly one. */
@Entity
@Table(name = "ward")
public class Ward extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
