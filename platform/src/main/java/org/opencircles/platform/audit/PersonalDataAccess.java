package org.opencircles.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read or change of a person's personal data: who, whose, what, when. Kept after erasure; holds only ids. */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_data_access_seq")
    @SequenceGenerator(name = "personal_data_access_seq", sequenceName = "personal_data_access_seq", allocationSize = 50)
    public Long id;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    /** The signed-in user who read or changed the data. */
    @Column(nullable = false)
    public String principal;

    /** member, mentor, mentee, ... */
    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    /** READ, LIST, CREATE, UPDATE, ERASE, EXPORT ... */
    @Column(nullable = false)
    public String action;

    /** The service where it happened; null for this service's own rows. */
    public String service;
}
