package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One contact with a member ("wants to get involved", called, met): the follow-up trail a CLP keeps. */
@Entity
@Table(name = "contact_log")
public class ContactLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactKind kind;

    /** Free text; never leaves this service, and is deleted on erasure. */
    public String notes;

    @Column(name = "logged_by", nullable = false)
    public String loggedBy;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;
}
