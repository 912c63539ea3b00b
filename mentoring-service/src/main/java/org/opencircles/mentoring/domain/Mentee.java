package org.opencircles.mentoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A youth member in the mentoring programme, with what they want to learn. */
@Entity
@Table(name = "mentee")
public class Mentee extends PanacheEntityBase {

    /** Where the mentee is in the programme. */
    public enum Status {
        WAITING,
        PAIRED,
        COMPLETED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    /** Null once the member is erased. */
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar[]", nullable = false)
    public List<String> goals = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cohort_id")
    public UUID cohortId;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Version
    public long version;
}
