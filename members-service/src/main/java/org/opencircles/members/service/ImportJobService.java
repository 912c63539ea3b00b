package org.opencircles.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.problem.ProblemException;
import org.opencircles.platform.security.CallerScope;

/**
 * Import jobs: queued one at a time per CLP across replicas, read back by their uploader, kept visibly alive by the
 * replica running them, and called interrupted when that replica stops.
 */
@ApplicationScoped
public class ImportJobService {

    private static final Logger LOG = Logger.getLogger(ImportJobService.class);
    private static final List<ImportJob.Status> LIVE = List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING);

    @Inject
    ImportConfig settings;

    @Inject
    Clock clock;

    @Inject
    AccessAudit audit;

    @Inject
    ClusterLock clusterLock;

    @Inject
    CallerScope scope;

    /** This process, as the owner of the imports it runs. */
    private final String instance = UUID.randomUUID().toString();

    /** One page of the imports the caller started, newest first. */
    @Transactional
    public PageView<ImportJob> recent(Paging paging) {
        var query = ImportJob.<ImportJob>find(
                "requestedBy", Sort.descending("createdAt").and("id"), scope.principal());
        return paging.read(query);
    }

    /** An import the caller may see: only its uploader or a national role, because its errors name members. */
    @Transactional
    public ImportJob job(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null
                || !(job.requestedBy.equals(scope.principal())
                        || scope.visibleClps().isEmpty())) {
            throw ProblemException.notFound("Import", id);
        }
        return job;
    }

    /** One page of an import's refused rows, by line. */
    @Transactional
    public PageView<ImportRowError> errors(UUID id, Paging paging) {
        ImportJob job = job(id);
        var query = ImportRowError.<ImportRowError>find(
                "jobId", Sort.by("lineNumber").and("id"), job.id);
        return paging.read(query);
    }

    /**
     * Queues an import of {@code rows} rows owned by this replica, in its own transaction, refused with 409 while
     * another live import covers any of the same CLPs.
     */
    ImportJob queue(UUID id, String fileName, String requestedBy, Optional<Set<String>> allowedClps, int rows) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // One upload at a time decides, across replicas, whether another import already covers these CLPs.
            clusterLock.lock("import-start");
            List<String> clps =
                    allowedClps.map(s -> List.copyOf(new TreeSet<>(s))).orElse(null);
            List<ImportJob> live = ImportJob.list(
                    "status in ?1 and heartbeatAt >= ?2", LIVE, clock.instant().minus(settings.staleAfter()));
            for (ImportJob other : live) {
                if (clps == null
                        || other.allowedClps == null
                        || other.allowedClps.stream().anyMatch(clps::contains)) {
                    throw ProblemException.conflict(
                            "file",
                            "another import for "
                                    + (other.allowedClps == null
                                            ? "every CLP"
                                            : "CLP "
                                                    + String.join(
                                                            ", ",
                                                            other.allowedClps.stream()
                                                                    .filter(c -> clps == null || clps.contains(c))
                                                                    .toList()))
                                    + " is still running; upload this file when it has finished");
                }
            }
            ImportJob j = new ImportJob();
            j.id = id;
            j.fileName = fileName;
            j.status = ImportJob.Status.QUEUED;
            j.requestedBy = requestedBy;
            j.allowedClps = clps;
            j.totalRows = rows;
            j.createdAt = clock.instant();
            j.owner = instance;
            j.heartbeatAt = j.createdAt;
            j.persist();
            audit.recordAs(requestedBy, "IMPORT", "import", List.of(j.id));
            return j;
        });
    }

    /** Changes a job in its own transaction. */
    void update(UUID jobId, Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(jobId)));
    }

    /** Marks this replica's queued and running imports alive now. */
    void beat() {
        QuarkusTransaction.requiringNew()
                .run(() -> ImportJob.update(
                        "heartbeatAt = ?1 where owner = ?2 and status in ?3", clock.instant(), instance, LIVE));
    }

    /**
     * A job whose replica stopped (its heartbeat went stale) will not resume: say so rather than show it running for
     * ever. A job another live replica is running keeps its status.
     */
    public void markInterrupted() {
        QuarkusTransaction.requiringNew()
                .run(() -> ImportJob.update(
                        "status = ?1, message = ?2, finishedAt = ?3 where status in ?4 and heartbeatAt < ?5",
                        ImportJob.Status.INTERRUPTED,
                        "The service stopped during this import; upload the file again (rows already saved are kept)",
                        clock.instant(),
                        LIVE,
                        clock.instant().minus(settings.staleAfter())));
    }

    /**
     * Removes files that no live import needs: left by a crash (their import is interrupted or gone) after the stale
     * period, so an upload still being received is never touched.
     */
    void removeLeftoverFiles() {
        if (!Files.isDirectory(settings.workDir())) {
            return;
        }
        Instant cutoff = clock.instant().minus(settings.staleAfter());
        Set<String> live = QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>list("status in ?1", LIVE).stream()
                        .map(j -> j.id + ".csv")
                        .collect(Collectors.toSet()));
        try (var files = Files.list(settings.workDir())) {
            for (Path f : files.toList()) {
                if (!live.contains(f.getFileName().toString())
                        && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    ImportFile.deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not sweep %s: %s", settings.workDir(), e.getMessage());
        }
    }
}
