package org.opencircles.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One upload of a membership list, with progress a secretary can watch while it runs. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** Lifecycle of an import. */
    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        INTERRUPTED
    }

    @Id
    public UUID id;

    @Column(name = "file_name")
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    /** CLPs the uploader may write to; null means all. Rows for other CLPs are refused. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_clps", columnDefinition = "text[]")
    public List<String> allowedClps;

    @Column(name = "total_rows")
    public Integer totalRows;

    @Column(name = "processed_rows", nullable = false)
    public int processedRows;

    @Column(name = "created_rows", nullable = false)
    public int createdRows;

    @Column(name = "updated_rows", nullable = false)
    public int updatedRows;

    @Column(name = "unchanged_rows", nullable = false)
    public int unchangedRows;

    @Column(name = "failed_rows", nullable = false)
    public int failedRows;

    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The replica (process) running the import. */
    public String owner;

    /** When its owner last showed it is alive; a stale heartbeat means the import will not finish. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
}
