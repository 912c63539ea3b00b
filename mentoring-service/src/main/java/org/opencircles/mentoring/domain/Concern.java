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

/**
 * A safeguarding concern about a mentee, a mentor or a pairing: what was raised is fixed; its history only grows.
 * <p>R__concern_history.sql: the database refuses to change what was raised or to delete it (triggers concern_facts_fixed, concern_not_deleted).
 */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    /** What the concern is about. */
    public enum SubjectType {
        MENTEE,
        MENTOR,
        PAIRING
    }

    /** The kind of harm or worry, as a code so it can travel on a topic without the account itself. */
    public enum Category {
        ONLINE_HARM,
        MENTOR_CONDUCT,
        WELLBEING,
        DISCLOSURE,
        OTHER
    }

    /** What the safeguarding lead decided. */
    public enum Outcome {
        NO_FURTHER_ACTION,
        ADVICE_GIVEN,
        REFERRED_TO_LADO,
        REFERRED_TO_POLICE,
        MENTOR_BARRED
    }

    /** Open until the lead records an outcome. */
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "clp_code", nullable = false)
    public String clpCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    /** The members involved; an erased member's id is removed, the concern itself is kept. */
    @Column(name = "member_ids", columnDefinition = "uuid[]", nullable = false)
    public List<UUID> memberIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    /** What was seen or heard: read only by the safeguarding lead and the DPO. */
    @Column(nullable = false)
    public String account;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
