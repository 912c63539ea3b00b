package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Why one row of an import was not saved: the line, the column and the reason. */
@Entity
@Table(name = "import_row_error")
public class ImportRowError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    /** Line in the file, the header being line 1. */
    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(name = "membership_number")
    public String membershipNumber;

    @Column(nullable = false)
    public String field;

    @Column(nullable = false)
    public String reason;
}
