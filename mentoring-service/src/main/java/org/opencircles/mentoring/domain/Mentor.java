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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An adult member who mentors, with the safeguarding check and training that decide whom they may mentor. */
@Entity
@Table(name = "mentor")
public class Mentor extends PanacheEntityBase {

    /** Whether the mentor takes pairings. */
    public enum Status {
        ACTIVE,
        INACTIVE
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
    public List<String> skills = new ArrayList<>();

    /** Most live pairings at once. */
    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_level", nullable = false)
    public CheckLevel checkLevel;

    /** The DBS certificate number. */
    @Column(name = "check_reference")
    public String checkReference;

    @Column(name = "check_issued_on")
    public LocalDate checkIssuedOn;

    @Column(name = "check_expires_on")
    public LocalDate checkExpiresOn;

    @Column(name = "training_completed_on")
    public LocalDate trainingCompletedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when the safeguarding lead bars the mentor after a concern: never paired again. */
    @Column(name = "barred_at")
    public Instant barredAt;

    @Version
    public long version;

    /** Whether the check is of at least {@code level} and in force on {@code day}. */
    public boolean checkValidOn(LocalDate day, CheckLevel level) {
        return checkLevel.compareTo(level) >= 0
                && checkIssuedOn != null
                && !checkIssuedOn.isAfter(day)
                && checkExpiresOn != null
                && !checkExpiresOn.isBefore(day);
    }

    public boolean trainedBy(LocalDate day) {
        return trainingCompletedOn != null && !trainingCompletedOn.isAfter(day);
    }
}
