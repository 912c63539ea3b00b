package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved member filter turned into a list of members to contact through one channel, worked by a volunteer. */
@Entity
@Table(name = "call_list")
public class CallList extends PanacheEntityBase {

    /** How the list's members are contacted; only members who consented to it are on the list. */
    public enum Channel {
        PHONE,
        EMAIL
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The filter it was made from, as a JSON object of the member list's parameters (ward, status, ageBand, ...). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String filter;

    /** The staff user working through it, if assigned. */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
