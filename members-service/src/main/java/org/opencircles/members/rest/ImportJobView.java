package org.opencircles.members.rest;

import java.time.Instant;
import java.util.UUID;
import org.opencircles.members.domain.ImportJob;

/** Progress and outcome of an import. */
public record ImportJobView(
        UUID id,
        String fileName,
        ImportJob.Status status,
        Integer totalRows,
        int processedRows,
        Integer percentDone,
        int createdRows,
        int updatedRows,
        int unchangedRows,
        int failedRows,
        String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static ImportJobView of(ImportJob j) {
        Integer percent =
                j.totalRows == null ? null : j.totalRows == 0 ? 100 : (int) (100L * j.processedRows / j.totalRows);
        return new ImportJobView(
                j.id,
                j.fileName,
                j.status,
                j.totalRows,
                j.processedRows,
                percent,
                j.createdRows,
                j.updatedRows,
                j.unchangedRows,
                j.failedRows,
                j.message,
                j.createdAt,
                j.startedAt,
                j.finishedAt);
    }
}
