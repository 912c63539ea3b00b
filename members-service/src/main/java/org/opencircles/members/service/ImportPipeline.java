package org.opencircles.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.members.domain.Member;
import org.opencircles.members.service.ImportRowChecks.CheckedChunk;
import org.opencircles.members.service.ImportRowChecks.Places;
import org.opencircles.members.service.MemberImportWriter.ImportedRow;
import org.opencircles.members.service.MemberImportWriter.Outcome;
import org.opencircles.platform.problem.FieldError;

/**
 * Runs queued imports one at a time, in upload order, as two stages on two threads: one reads and checks each chunk
 * on its own (parsing, places, fields, repeats in the file: all CPU), the other compares it with the members saved
 * and saves it, one transaction per chunk with progress after each. A chunk that fails to save is retried row by row
 * so its good rows are kept.
 */
@ApplicationScoped
public class ImportPipeline {

    private static final Logger LOG = Logger.getLogger(ImportPipeline.class);

    /** Marks the end of a file for the writer. */
    private static final CheckedChunk END = new CheckedChunk(List.of(), List.of(), Map.of());

    @Inject
    ImportConfig settings;

    @Inject
    ImportJobService jobs;

    @Inject
    ImportRowChecks checks;

    @Inject
    MemberImportWriter writer;

    @Inject
    MemberChanges changes;

    @Inject
    Clock clock;

    /** Imports run one at a time, in the order they were uploaded, so two lists never fight over the same rows. */
    private final ExecutorService reading = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    /** Saves what the import thread has read and checked, chunk by chunk in file order. */
    private final ExecutorService saving = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import-writer");
        t.setDaemon(true);
        return t;
    });

    /** Queues the import of a received file; the file is removed when the import ends, however it ends. */
    void submit(UUID jobId, ImportFile file) {
        reading.submit(() -> run(jobId, file));
    }

    private void run(UUID jobId, ImportFile file) {
        try {
            jobs.update(jobId, j -> {
                j.status = ImportJob.Status.RUNNING;
                j.startedAt = clock.instant();
            });
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(jobId));
            Places places = Places.load();
            LocalDate today = changes.today();
            Set<String> seen = new HashSet<>();
            String stoppedEarly;
            // The reader stays at most a few chunks ahead of the writer; chunks are saved in file order.
            BlockingQueue<CheckedChunk> toSave = new ArrayBlockingQueue<>(3);
            Future<?> saved = saving.submit(() -> {
                for (CheckedChunk c = toSave.take(); c != END; c = toSave.take()) {
                    save(job, c);
                }
                return null;
            });
            try (CsvRecords csv = file.open(settings)) {
                csv.next();
                ImportFile.Rows rows = new ImportFile.Rows(csv, file.header(), today);
                List<MemberRow> chunk = new ArrayList<>(settings.chunkSize());
                for (MemberRow row = rows.next(); row != null && !saved.isDone(); row = rows.next()) {
                    chunk.add(row);
                    if (chunk.size() == settings.chunkSize()) {
                        hand(toSave, checks.onTheirOwn(chunk, job.allowedClps, places, seen, today), saved);
                        chunk = new ArrayList<>(settings.chunkSize());
                    }
                }
                if (!chunk.isEmpty()) {
                    hand(toSave, checks.onTheirOwn(chunk, job.allowedClps, places, seen, today), saved);
                }
                stoppedEarly = rows.stoppedEarly();
            } finally {
                // Whatever stopped the reading, the writer finishes what it was handed before the job says so.
                hand(toSave, END, saved);
                try {
                    saved.get();
                } catch (ExecutionException ignored) {
                    // Rethrown below when reading went well; otherwise the reading's failure is the one to report.
                }
            }
            saved.get();
            finish(jobId, stoppedEarly);
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed", jobId);
            jobs.update(jobId, j -> {
                j.status = ImportJob.Status.FAILED;
                j.message = "Stopped after " + j.processedRows + " rows: the rest of the file could not be read";
                j.finishedAt = clock.instant();
            });
        } finally {
            ImportFile.deleteQuietly(file.path());
        }
    }

    private void finish(UUID jobId, String message) {
        jobs.update(jobId, j -> {
            if (j.createdRows + j.updatedRows >= settings.analyzeFromRows()) {
                // PostgreSQL plans member queries from statistics that autovacuum refreshes a minute or more later,
                // or never where it is off (as on the machines CI uses): until then it plans lists and searches over
                // 500,000 new members for a handful. Refreshed at once, as its manual advises after a bulk load
                // (about 1 s at 500,000 members, measured); search's own table with them.
                Member.getEntityManager()
                        .createNativeQuery("analyze member, member_search")
                        .executeUpdate();
            }
            if (j.createdRows + j.updatedRows > 0) {
                // The import's chunks leave their search entries in the trigram index's pending list (see
                // MemberImportWriter.save), which every search reads through to the end: merged now, at once.
                Member.getEntityManager()
                        .createNativeQuery("select gin_clean_pending_list('member_search_idx')")
                        .getSingleResult();
            }
            j.status = ImportJob.Status.COMPLETED;
            j.message = message;
            j.finishedAt = clock.instant();
        });
    }

    /** Hands a chunk to the writer, unless the writer has stopped (its failure is then rethrown by the caller). */
    private static void hand(BlockingQueue<CheckedChunk> queue, CheckedChunk chunk, Future<?> saved)
            throws InterruptedException {
        while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (saved.isDone()) {
                return;
            }
        }
    }

    /** Compares a checked chunk with the members already saved, then saves it and its progress in one transaction. */
    private void save(ImportJob job, CheckedChunk checked) {
        if (checked.rows().isEmpty()) {
            return;
        }
        List<MemberRow> chunk = checked.rows();
        Map<Integer, List<FieldError>> refused = new HashMap<>(checked.refused());
        Map<String, Member> existing = ImportRowChecks.existingMembers(checked.valid());
        List<MemberRow> valid = new ArrayList<>();
        ImportRowChecks.againstExisting(checked.valid(), existing, job.allowedClps, valid, refused);
        Optional<Set<String>> allowed = Optional.ofNullable(job.allowedClps).map(Set::copyOf);
        EnumMap<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcomes.putAll(writer.save(rows(valid, existing), allowed, job.requestedBy));
                recordProgress(job.id, chunk, refused, outcomes);
            });
        } catch (RuntimeException chunkFailed) {
            LOG.warnf(
                    "Chunk at line %d of import %s failed (%s); saving its rows one by one",
                    chunk.get(0).line(), job.id, chunkFailed.getMessage());
            outcomes.clear();
            for (MemberRow row : valid) {
                try {
                    QuarkusTransaction.requiringNew()
                            .run(() -> writer.save(rows(List.of(row), existing), allowed, job.requestedBy)
                                    .forEach((k, n) -> outcomes.merge(k, n, Integer::sum)));
                } catch (RuntimeException rowFailed) {
                    refused.put(
                            row.line(),
                            List.of(new FieldError(
                                    "row",
                                    "could not be saved; check for a "
                                            + "membership number or detail that clashes with another member")));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> recordProgress(job.id, chunk, refused, outcomes));
        }
    }

    private static List<ImportedRow> rows(List<MemberRow> valid, Map<String, Member> existing) {
        return valid.stream()
                .map(r -> new ImportedRow(r.details(), r.status(), existing.get(r.membershipNumber())))
                .toList();
    }

    private void recordProgress(
            UUID jobId, List<MemberRow> chunk, Map<Integer, List<FieldError>> refused, Map<Outcome, Integer> outcomes) {
        for (MemberRow row : chunk) {
            for (FieldError error : refused.getOrDefault(row.line(), List.of())) {
                ImportRowError e = new ImportRowError();
                e.jobId = jobId;
                e.lineNumber = row.line();
                e.membershipNumber = row.membershipNumber();
                e.field = error.field();
                e.reason = error.reason();
                e.persist();
            }
        }
        ImportJob j = ImportJob.findById(jobId);
        j.heartbeatAt = clock.instant();
        j.processedRows += chunk.size();
        j.createdRows += outcomes.getOrDefault(Outcome.CREATED, 0);
        j.updatedRows += outcomes.getOrDefault(Outcome.UPDATED, 0);
        j.unchangedRows += outcomes.getOrDefault(Outcome.UNCHANGED, 0);
        j.failedRows += refused.size();
    }

    @PreDestroy
    void stop() {
        reading.shutdownNow();
        saving.shutdownNow();
    }
}
