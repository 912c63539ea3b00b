package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof that a member's data was erased on request: by whom, when, under which reference; ids only. */
@Entity
@Table(name = "erasure_record")
public class ErasureRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** The data-protection request reference, e.g. a ticket number. */
    public String reference;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
