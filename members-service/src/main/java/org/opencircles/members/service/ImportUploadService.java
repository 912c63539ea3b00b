package org.opencircles.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.domain.Member;
import org.opencircles.members.service.ImportRowChecks.CheckedChunk;
import org.opencircles.members.service.ImportRowChecks.Places;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.ProblemException;

/**
 * Uploads of membership lists: an upload is received, its header checked and its import queued (the rows are read
 * later by {@link ImportPipeline}); a preview reads the first rows and checks them exactly as the import would,
 * saving nothing. Idempotent by membership number: importing the same list twice changes nothing.
 */
@ApplicationScoped
public class ImportUploadService {

    @Inject
    ImportConfig settings;

    @Inject
    ImportJobService jobs;

    @Inject
    ImportPipeline pipeline;

    @Inject
    ImportRowChecks checks;

    @Inject
    MemberChanges changes;

    /** What an import of this file would do, read but not saved: no job, no member, no event. */
    public record Preview(
            List<String> header,
            List<String> columns,
            int totalRows,
            List<MemberRow> rows,
            Map<Integer, List<FieldError>> errors) {}

    /**
     * Receives an upload into the work directory (refused with 413 past the size limit), checks its header (a file
     * that cannot be a membership list is refused with a 400 now) and queues it. At most one import runs at a time
     * for any CLP: an upload that overlaps a running one is refused with 409. The file is removed on every path.
     */
    public ImportJob receive(
            InputStream body,
            String fileName,
            Map<String, String> mapping,
            String requestedBy,
            Optional<Set<String>> allowedClps) {
        UUID id = UUID.randomUUID();
        Path path = settings.workDir().resolve(id + ".csv");
        try {
            ImportFile file = ImportFile.receive(body, path, mapping, settings);
            ImportJob job = jobs.queue(id, fileName, requestedBy, allowedClps, file.rows());
            pipeline.submit(job.id, file);
            return job;
        } catch (IOException e) {
            ImportFile.deleteQuietly(path);
            throw ProblemException.invalidField("file", "could not be received");
        } catch (RuntimeException e) {
            ImportFile.deleteQuietly(path);
            throw e;
        }
    }

    /**
     * Reads the file as {@link #receive} would, and validates its first {@code rows} rows exactly as the import would
     * (names resolved, scope and transitions checked), without writing or publishing anything.
     */
    public Preview preview(InputStream body, Map<String, String> mapping, Optional<Set<String>> allowedClps, int rows) {
        Path path = settings.workDir().resolve("preview-" + UUID.randomUUID() + ".csv");
        try {
            ImportFile file = ImportFile.receive(body, path, mapping, settings);
            List<String> allowed =
                    allowedClps.map(s -> List.copyOf(new TreeSet<>(s))).orElse(null);
            LocalDate today = changes.today();
            List<MemberRow> read = new ArrayList<>();
            List<String> header;
            try (CsvRecords csv = file.open(settings)) {
                header = csv.next();
                ImportFile.Rows lines = new ImportFile.Rows(csv, file.header(), today);
                for (MemberRow row; read.size() < rows && (row = lines.next()) != null; ) {
                    read.add(row);
                }
            }
            CheckedChunk checked = checks.onTheirOwn(read, allowed, Places.load(), new HashSet<>(), today);
            Map<Integer, List<FieldError>> errors = new TreeMap<>(checked.refused());
            Map<String, Member> existing = ImportRowChecks.existingMembers(read);
            List<MemberRow> resolved = new ArrayList<>();
            ImportRowChecks.againstExisting(checked.valid(), existing, allowed, resolved, errors);
            return new Preview(header, file.header(), file.rows(), resolved, errors);
        } catch (IOException | CsvRecords.BadRecord e) {
            throw ProblemException.invalidField("file", "could not be read");
        } finally {
            ImportFile.deleteQuietly(path);
        }
    }
}
