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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One read or change of people's personal data: who, whose, what, when. Kept after erasure; holds only ids. */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "personal_data_access_seq")
    @SequenceGenerator(
            name = "personal_data_access_seq",
            sequenceName = "personal_data_access_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    /** The signed-in user who read or changed the data. */
    @Column(nullable = false)
    public String principal;

    /** member, mentor, mentee, ... */
    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    /** Every subject of this type the access touched: one member, or a page of them, or an import chunk. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subject_ids", columnDefinition = "varchar[]", nullable = false)
    public List<String> subjectIds;

    /** READ, LIST, CREATE, UPDATE, ERASE, EXPORT ... */
    @Column(nullable = false)
    public String action;

    /** The service where it happened; null for this service's own rows. */
    public String service;
}
