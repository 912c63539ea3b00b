package org.opencircles.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.members.domain.Clp;
import org.opencircles.members.domain.ImportJob;
import org.opencircles.members.domain.ImportRowError;
import org.opencircles.members.domain.Member;
import org.opencircles.members.domain.PlaceNames;
import org.opencircles.members.domain.Ward;
import org.opencircles.platform.audit.AccessAudit;
import org.opencircles.platform.page.PageView;
import org.opencircles.platform.page.Paging;
import org.opencircles.platform.security.CallerScope;
import org.opencircles.platform.cluster.ClusterLock;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.ProblemException;

import java.io.BufferedReader;
import java.lang.annotation.ElementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a membership list: checked up front for its header, then saved in chunks, one transaction each, with
 * progress after every chunk. Idempotent by membership number: importing the same list twice changes nothing.
 * A bad row is reported and skipped; a chunk that fails to save is retried row by row so its good rows are kept.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Inject
    ImportConfig settings;

    @Inject
    MemberService members;

    @Inject
    JoiningChecks checks;

    /**
     * Checks each row's details. A row is a plain record, never a JPA entity, so every property is reachable: the
     * default resolver asked Hibernate ORM whether each one was loaded, about a fifth of the import's own CPU time
     * (JFR, 100,000 rows into the loaded national system).
     */
    private final Validator validator;

    ImportService(ValidatorFactory validators) {
        this.validator = validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
    }

    /** Validation of plain records: nothing is lazily loaded, so nothing needs asking. */
    private static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, jakarta.validation.Path.Node property, Class<?> rootBeanType,
                                   jakarta.validation.Path pathToProperty, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, jakarta.validation.Path.Node property, Class<?> rootBeanType,
                                    jakarta.validation.Path pathToProperty, ElementType elementType) {
            return true;
        }
    }

    @Inject
    Clock clock;

    @Inject
    AccessAudit audit;

    @Inject
    ClusterLock clusterLock;

    /** Imports run one at a time, in the order they were uploaded, so two lists never fight over the same rows. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    /** Saves what the import thread has read and checked, chunk by chunk in file order. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import-writer");
        t.setDaemon(true);
        return t;
    });

    /** This process, as the owner of the imports it runs. */
    private final String instance = UUID.randomUUID().toString();

    @Inject
    CallerScope scope;

    /** One page of the imports the caller started, newest first. */
    @Transactional
    public PageView<ImportJob> recent(Paging paging) {
        var query = ImportJob.<ImportJob>find("requestedBy", Sort.descending("createdAt").and("id"), scope.principal());
        return paging.read(query);
    }

    /** An import the caller may see: only its uploader or a national role, because its errors name members. */
    @Transactional
    public ImportJob job(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null || !(job.requestedBy.equals(scope.principal()) || scope.visibleClps().isEmpty())) {
            throw ProblemException.notFound("Import", id);
        }
        return job;
    }

    /** One page of an import's refused rows, by line. */
    @Transactional
    public PageView<ImportRowError> errors(UUID id, Paging paging) {
        ImportJob job = job(id);
        var query = ImportRowError.<ImportRowError>find("jobId", Sort.by("lineNumber").and("id"), job.id);
        return paging.read(query);
    }

    /** A file that passed the header check, ready to queue. */
    private record CheckedFile(Charset charset, char delimiter, List<String> header, int rows) {
    }

    /**
     * Receives an upload into the work directory (refused with 413 past the size limit), checks its header (a file
     * that cannot be a membership list is refused with a 400 now) and queues it. At most one import runs at a time
     * for any CLP: an upload that overlaps a running one is refused with 409. The file is removed on every path.
     */
    public ImportJob receive(InputStream body, String fileName, Map<String, String> mapping, String requestedBy,
                             Optional<Set<String>> allowedClps) {
        UUID id = UUID.randomUUID();
        Path file = settings.workDir().resolve(id + ".csv");
        try {
            Files.createDirectories(settings.workDir());
            copyAtMost(body, file, settings.maxFileMegabytes() * 1024L * 1024L);
            CheckedFile checked = check(file, mapping);
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> queue(id, fileName, requestedBy, allowedClps,
                    checked.rows()));
            worker.submit(() -> run(job.id, file, checked));
            return job;
        } catch (IOException e) {
            deleteQuietly(file);
            throw ProblemException.invalidField("file", "could not be received");
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private ImportJob queue(UUID id, String fileName, String requestedBy, Optional<Set<String>> allowedClps, int rows) {
        // One upload at a time decides, across replicas, whether another import already covers these CLPs.
        clusterLock.lock("import-start");
        List<String> clps = allowedClps.map(s -> List.copyOf(new java.util.TreeSet<>(s))).orElse(null);
        List<ImportJob> live = ImportJob.list("status in ?1 and heartbeatAt >= ?2",
                List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING), clock.instant().minus(settings.staleAfter()));
        for (ImportJob other : live) {
            if (clps == null || other.allowedClps == null || other.allowedClps.stream().anyMatch(clps::contains)) {
                throw ProblemException.conflict("file", "another import for " + (other.allowedClps == null
                        ? "every CLP" : "CLP " + String.join(", ", other.allowedClps.stream()
                        .filter(c -> clps == null || clps.contains(c)).toList()))
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
    }

    private static void copyAtMost(InputStream body, Path file, long maxBytes) throws IOException {
        try (InputStream in = body; var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(Problem.of(413, "file-too-large", "File too large",
                            "file: is larger than " + maxBytes / (1024 * 1024) + " MB; split the list",
                            List.of(new FieldError("file", "is larger than " + maxBytes / (1024 * 1024) + " MB"))));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete import file %s", file.getFileName());
        }
    }

    /**
     * Removes files that no live import needs: left by a crash (their import is interrupted or gone) after the stale
     * period, so an upload still being received is never touched.
     */
    void removeLeftoverFiles() {
        if (!Files.isDirectory(settings.workDir())) {
            return;
        }
        java.time.Instant cutoff = clock.instant().minus(settings.staleAfter());
        Set<String> live = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list("status in ?1",
                List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)).stream()
                .map(j -> j.id + ".csv").collect(Collectors.toSet()));
        try (var files = Files.list(settings.workDir())) {
            for (Path f : files.toList()) {
                if (!live.contains(f.getFileName().toString())
                        && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not sweep %s: %s", settings.workDir(), e.getMessage());
        }
    }

    /** What an import of this file would do, read but not saved: no job, no member, no event. */
    public record Preview(List<String> header, List<String> columns, int totalRows, List<MemberRow> rows,
                          Map<Integer, List<FieldError>> errors) {
    }

    /**
     * Reads the file as {@link #receive} would, and validates its first {@code rows} rows exactly as the import would
     * (names resolved, scope and transitions checked), without writing or publishing anything.
     */
    public Preview preview(InputStream body, Map<String, String> mapping, Optional<Set<String>> allowedClps, int rows) {
        Path file = settings.workDir().resolve("preview-" + UUID.randomUUID() + ".csv");
        try {
            Files.createDirectories(settings.workDir());
            copyAtMost(body, file, settings.maxFileMegabytes() * 1024L * 1024L);
            CheckedFile checked = check(file, mapping);
            ImportJob job = new ImportJob();
            job.allowedClps = allowedClps.map(s -> List.copyOf(new java.util.TreeSet<>(s))).orElse(null);
            Reference reference = QuarkusTransaction.requiringNew().call(Reference::load);
            List<MemberRow> read = new ArrayList<>();
            List<String> header;
            try (CsvRecords csv = open(file, checked.charset(), checked.delimiter())) {
                header = csv.next();
                Rows lines = new Rows(csv, checked.header());
                for (MemberRow row; read.size() < rows && (row = lines.next()) != null; ) {
                    read.add(row);
                }
            }
            List<MemberRow> resolved = new ArrayList<>();
            Map<Integer, List<FieldError>> errors = new java.util.TreeMap<>();
            sort(read, job, reference, new HashSet<>(), existingMembers(read), resolved, errors);
            return new Preview(header, checked.header(), checked.rows(), resolved, errors);
        } catch (IOException | CsvRecords.BadRecord e) {
            throw ProblemException.invalidField("file", "could not be read");
        } finally {
            deleteQuietly(file);
        }
    }

    private CheckedFile check(Path file, Map<String, String> mapping) {
        try {
            if (Files.size(file) == 0) {
                throw ProblemException.invalidField("file", "is empty");
            }
            Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            String firstLine;
            try (BufferedReader r = Files.newBufferedReader(file, charset)) {
                firstLine = r.readLine();
            }
            char delimiter = firstLine != null && count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
            try (CsvRecords csv = open(file, charset, delimiter)) {
                List<String> header;
                try {
                    header = csv.next();
                } catch (CsvRecords.BadRecord e) {
                    throw ProblemException.invalidField("file", "the header row " + e.getMessage());
                }
                if (header == null) {
                    throw ProblemException.invalidField("file", "has no header row");
                }
                List<String> canonical = MemberRow.canonicalHeader(header, mapping);
                List<String> missing = MemberRow.missingColumns(canonical);
                if (!missing.isEmpty()) {
                    throw ProblemException.invalidFields(missing.stream()
                            .map(c -> new FieldError(c, "column is missing from the header")).toList());
                }
                // Bad records count as rows: each is reported on its line when the import runs.
                int rows;
                try (Reader all = Files.newBufferedReader(file, charset)) {
                    rows = CsvRecords.count(all, delimiter, settings.maxRecordLength()) - 1;
                }
                if (rows > settings.maxRows()) {
                    throw ProblemException.invalidField("file", "has " + rows + " rows; at most "
                            + settings.maxRows() + " per import");
                }
                return new CheckedFile(charset, delimiter, canonical, rows);
            }
        } catch (IOException e) {
            throw ProblemException.invalidField("file", "could not be read");
        }
    }

    private void run(UUID jobId, Path file, CheckedFile checked) {
        try {
            update(jobId, j -> {
                j.status = ImportJob.Status.RUNNING;
                j.startedAt = clock.instant();
            });
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.findById(jobId));
            Reference reference = QuarkusTransaction.requiringNew().call(Reference::load);
            Set<String> seen = new HashSet<>();
            String stoppedEarly;
            // Two stages on two threads: this one reads and checks each chunk on its own (parsing, places, fields,
            // repeats in the file: all CPU), the writer compares it with the members saved and saves it. Chunks are
            // saved in file order, one at a time; the reader stays at most a few chunks ahead.
            BlockingQueue<CheckedChunk> toSave = new ArrayBlockingQueue<>(3);
            Future<?> saving = writer.submit(() -> {
                for (CheckedChunk c = take(toSave); c != END; c = take(toSave)) {
                    save(job, c);
                }
                return null;
            });
            try (CsvRecords csv = open(file, checked.charset(), checked.delimiter())) {
                csv.next();
                Rows rows = new Rows(csv, checked.header());
                List<MemberRow> chunk = new ArrayList<>(settings.chunkSize());
                for (MemberRow row = rows.next(); row != null && !saving.isDone(); row = rows.next()) {
                    chunk.add(row);
                    if (chunk.size() == settings.chunkSize()) {
                        hand(toSave, check(chunk, job, reference, seen), saving);
                        chunk = new ArrayList<>(settings.chunkSize());
                    }
                }
                if (!chunk.isEmpty()) {
                    hand(toSave, check(chunk, job, reference, seen), saving);
                }
                stoppedEarly = rows.stoppedEarly();
            } finally {
                // Whatever stopped the reading, the writer finishes what it was handed before the job says so.
                hand(toSave, END, saving);
                try {
                    saving.get();
                } catch (ExecutionException ignored) {
                    // Rethrown below when reading went well; otherwise the reading's failure is the one to report.
                }
            }
            saving.get();
            String message = stoppedEarly;
            update(jobId, j -> {
                if (j.createdRows + j.updatedRows >= settings.analyzeFromRows()) {
                    // PostgreSQL plans member queries from statistics that autovacuum refreshes a minute or more
                    // later, or never where it is off (as on the machines CI uses): until then it plans lists and
                    // searches over 500,000 new members for a handful. Refreshed at once, as its manual advises after
                    // a bulk load (about 1 s at 500,000 members, measured); search's own table with them.
                    Member.getEntityManager().createNativeQuery("analyze member, member_search").executeUpdate();
                }
                if (j.createdRows + j.updatedRows > 0) {
                    // The import's chunks leave their search entries in the trigram index's pending list (see
                    // MemberService.importRows), which every search reads through to the end: merged now, at once.
                    Member.getEntityManager().createNativeQuery("select gin_clean_pending_list('member_search_idx')")
                            .getSingleResult();
                }
                j.status = ImportJob.Status.COMPLETED;
                j.message = message;
                j.finishedAt = clock.instant();
            });
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed", jobId);
            update(jobId, j -> {
                j.status = ImportJob.Status.FAILED;
                j.message = "Stopped after " + j.processedRows + " rows: the rest of the file could not be read";
                j.finishedAt = clock.instant();
            });
        } finally {
            deleteQuietly(file);
        }
    }

    /** CLPs and wards as they were when the import started; one query each instead of two per row. */
    private record Reference(Set<String> clps, Map<String, String> clpOfWard, PlaceNames places) {
        static Reference load() {
            List<Clp> clps = Clp.listAll();
            List<Ward> wards = Ward.listAll();
            return new Reference(clps.stream().map(c -> c.code).collect(Collectors.toSet()),
                    wards.stream().collect(Collectors.toMap(w -> w.code, w -> w.clpCode)), new PlaceNames(clps, wards));
        }

        /** The row with its CLP and ward, given by code or by name, as codes; or with why they cannot be found. */
        MemberRow resolve(MemberRow row) {
            if (row.details() == null) {
                return row;
            }
            PlaceNames.Match clp = places.clp(row.details().clpCode());
            PlaceNames.Match ward = places.ward(row.details().wardCode(), clp.code());
            List<FieldError> problems = new ArrayList<>();
            if (clp.problem() != null) {
                problems.add(new FieldError("clp", clp.problem()));
            }
            if (ward.problem() != null) {
                problems.add(new FieldError("ward", ward.problem()));
            }
            if (!problems.isEmpty()) {
                return row.refusedFor(problems);
            }
            return row.inPlace(clp.code(), ward.code());
        }
    }

    /** A chunk of rows checked on their own (places, fields, joining rules, repeats in the file), ready to save. */
    private record CheckedChunk(List<MemberRow> rows, List<MemberRow> valid, Map<Integer, List<FieldError>> refused) {
    }

    /** Marks the end of a file for the writer. */
    private static final CheckedChunk END = new CheckedChunk(List.of(), List.of(), Map.of());

    private static CheckedChunk take(BlockingQueue<CheckedChunk> queue) throws InterruptedException {
        return queue.take();
    }

    /** Hands a chunk to the writer, unless the writer has stopped (its failure is then rethrown by the caller). */
    private static void hand(BlockingQueue<CheckedChunk> queue, CheckedChunk chunk, Future<?> saving)
            throws InterruptedException {
        while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (saving.isDone()) {
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
        Map<String, Member> existing = existingMembers(checked.valid());
        List<MemberRow> valid = new ArrayList<>();
        againstExisting(checked.valid(), existing, job, valid, refused);
        Optional<Set<String>> allowed = Optional.ofNullable(job.allowedClps).map(Set::copyOf);
        EnumMap<MemberService.Outcome, Integer> outcomes = new EnumMap<>(MemberService.Outcome.class);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcomes.putAll(members.importRows(rows(valid, existing), allowed, job.requestedBy));
                recordProgress(job.id, chunk, refused, outcomes);
            });
        } catch (RuntimeException chunkFailed) {
            LOG.warnf("Chunk at line %d of import %s failed (%s); saving its rows one by one",
                    chunk.get(0).line(), job.id, chunkFailed.getMessage());
            outcomes.clear();
            for (MemberRow row : valid) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> members.importRows(rows(List.of(row), existing),
                            allowed, job.requestedBy).forEach((k, n) -> outcomes.merge(k, n, Integer::sum)));
                } catch (RuntimeException rowFailed) {
                    refused.put(row.line(), List.of(new FieldError("row", "could not be saved; check for a "
                            + "membership number or detail that clashes with another member")));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> recordProgress(job.id, chunk, refused, outcomes));
        }
    }

    private static List<MemberService.ImportedRow> rows(List<MemberRow> valid, Map<String, Member> existing) {
        return valid.stream().map(r -> new MemberService.ImportedRow(r.details(), r.status(),
                existing.get(r.membershipNumber()))).toList();
    }

    /**
     * Every check a row goes through before it is saved, for an import and its preview alike: CLP and ward resolved,
     * fields and joining rules, the first of a repeated membership number wins, and the uploader's scope and the
     * status transitions for members who already exist. Rows that pass go to {@code valid}, the others' reasons to
     * {@code refused} by line.
     */
    private void sort(List<MemberRow> rows, ImportJob job, Reference reference, Set<String> seen,
                      Map<String, Member> existing, List<MemberRow> valid, Map<Integer, List<FieldError>> refused) {
        CheckedChunk checked = check(rows, job, reference, seen);
        refused.putAll(checked.refused());
        againstExisting(checked.valid(), existing, job, valid, refused);
    }

    /** The checks a row passes on its own: CLP and ward resolved, fields and joining rules, first of a repeat wins. */
    private CheckedChunk check(List<MemberRow> rows, ImportJob job, Reference reference, Set<String> seen) {
        LocalDate today = members.today();
        List<MemberRow> valid = new ArrayList<>();
        Map<Integer, List<FieldError>> refused = new HashMap<>();
        for (MemberRow read : rows) {
            MemberRow row = reference.resolve(read);
            List<FieldError> errors = validate(row, job, reference, today);
            if (errors.isEmpty() && !seen.add(row.membershipNumber())) {
                errors = List.of(new FieldError("membership_number", "appears more than once in this file"));
            }
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                refused.put(row.line(), errors);
            }
        }
        return new CheckedChunk(List.copyOf(rows), valid, refused);
    }

    /** The checks against the members already saved: the uploader's scope and the status transitions. */
    private static void againstExisting(List<MemberRow> rows, Map<String, Member> existing, ImportJob job,
                                        List<MemberRow> valid, Map<Integer, List<FieldError>> refused) {
        for (MemberRow row : rows) {
            List<FieldError> errors = againstExisting(row, existing.get(row.membershipNumber()), job);
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                refused.put(row.line(), errors);
            }
        }
    }

    /**
     * The data rows of an open file as rows to check, one at a time (an unreadable line becomes a row error); after a
     * line nothing can follow (an unclosed quote), it ends and says why.
     */
    private final class Rows {
        private final CsvRecords csv;
        private final List<String> header;
        private final LocalDate today = members.today();
        private String stoppedEarly;
        private boolean done;

        Rows(CsvRecords csv, List<String> header) {
            this.csv = csv;
            this.header = header;
        }

        /** The next row, or null at the end of the file or after a line that stops reading. */
        MemberRow next() {
            if (done) {
                return null;
            }
            try {
                List<String> cells = csv.next();
                if (cells == null) {
                    done = true;
                    return null;
                }
                return MemberRow.parse(csv.recordLine(), header, cells, today);
            } catch (CsvRecords.BadRecord e) {
                if (!e.readingCanGoOn()) {
                    done = true;
                    stoppedEarly = "Stopped reading at line " + e.line() + ": the row " + e.getMessage();
                }
                return MemberRow.unreadable(e.line(), e.getMessage());
            }
        }

        /** Why reading stopped before the end of the file, or null if it did not. */
        String stoppedEarly() {
            return stoppedEarly;
        }
    }

    /** The members the chunk's membership numbers already belong to, in any CLP, as they are now. */
    private static Map<String, Member> existingMembers(List<MemberRow> chunk) {
        List<String> numbers = chunk.stream().map(MemberRow::membershipNumber).filter(java.util.Objects::nonNull)
                .toList();
        if (numbers.isEmpty()) {
            return Map.of();
        }
        // Only compared with the rows (a member that changes is read again where it is saved): read-only, so
        // Hibernate keeps no copy of each to check for changes when this transaction ends. The chunk's numbers go as
        // one array parameter: as an IN list, each chunk's 2,000 parameters were bound and translated one by one.
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Member> found = Member.getEntityManager()
                    .createNativeQuery("select * from member where membership_number = any(?1)", Member.class)
                    .setParameter(1, numbers.toArray(String[]::new))
                    .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
            return found.stream().collect(Collectors.toMap(m -> m.membershipNumber, Function.identity()));
        });
    }

    /**
     * The same rules as the REST API for a row that updates someone: only members of the uploader's CLPs (refused
     * without saying where the member is, as their CLP is personal data too), and only allowed status changes.
     */
    private static List<FieldError> againstExisting(MemberRow row, Member member, ImportJob job) {
        if (member == null) {
            return List.of();
        }
        if (job.allowedClps != null && !job.allowedClps.contains(member.clpCode)) {
            return List.of(new FieldError("membership_number", "belongs to a member of a CLP you do not manage; "
                    + "their own CLP's secretary can update them"));
        }
        if (row.status() != null && row.status() != member.status && !member.status.next().contains(row.status())) {
            return List.of(new FieldError("status", "a " + member.status + " member cannot become " + row.status()));
        }
        return List.of();
    }

    private void recordProgress(UUID jobId, List<MemberRow> chunk, Map<Integer, List<FieldError>> refused,
                                Map<MemberService.Outcome, Integer> outcomes) {
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
        j.createdRows += outcomes.getOrDefault(MemberService.Outcome.CREATED, 0);
        j.updatedRows += outcomes.getOrDefault(MemberService.Outcome.UPDATED, 0);
        j.unchangedRows += outcomes.getOrDefault(MemberService.Outcome.UNCHANGED, 0);
        j.failedRows += refused.size();
    }

    private List<FieldError> validate(MemberRow row, ImportJob job, Reference reference, LocalDate today) {
        if (row.details() == null) {
            return row.errors();
        }
        List<FieldError> errors = new ArrayList<>(row.errors());
        for (ConstraintViolation<MemberDetails> v : validator.validate(row.details())) {
            String path = v.getPropertyPath().toString().replaceAll("\\[.*?]", "").replace("<iterable element>", "");
            path = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
            errors.add(new FieldError(MemberRow.COLUMNS.getOrDefault(path, path), v.getMessage()));
        }
        if (job.allowedClps != null && !job.allowedClps.contains(row.details().clpCode())) {
            return List.of(new FieldError("clp", "you may not import members into CLP " + row.details().clpCode()));
        }
        // Every mistake in the row at once, so a secretary fixes the sheet in one pass (a CLP or ward that could not
        // be found is already said once).
        Set<String> said = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        checks.checkImported(row.details(), today, reference.clpOfWard(), reference.clps()).stream()
                .map(e -> new FieldError(MemberRow.COLUMNS.getOrDefault(e.field(), e.field()), e.reason()))
                .filter(e -> !(said.contains(e.field()) && Set.of("clp", "ward").contains(e.field())))
                .forEach(errors::add);
        return errors;
    }

    private void update(UUID jobId, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(jobId)));
    }

    /** Keeps this replica's queued and running imports visibly alive, so no other replica calls them interrupted. */
    @Scheduled(every = "${open-circles.import.heartbeat-interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("heartbeatAt = ?1 where owner = ?2 and status in ?3",
                clock.instant(), instance, List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)));
        markInterrupted();
        removeLeftoverFiles();
    }

    void onStart(@Observes StartupEvent event) {
        markInterrupted();
        removeLeftoverFiles();
    }

    /**
     * A job whose replica stopped (its heartbeat went stale) will not resume: say so rather than show it running for
     * ever. A job another live replica is running keeps its status.
     */
    public void markInterrupted() {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                "status = ?1, message = ?2, finishedAt = ?3 where status in ?4 and heartbeatAt < ?5",
                ImportJob.Status.INTERRUPTED,
                "The service stopped during this import; upload the file again (rows already saved are kept)",
                clock.instant(), List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
                clock.instant().minus(settings.staleAfter())));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        writer.shutdownNow();
    }

    private CsvRecords open(Path file, Charset charset, char delimiter) throws IOException {
        return new CsvRecords(Files.newBufferedReader(file, charset), delimiter, settings.maxFieldLength(),
                settings.maxRecordLength());
    }

    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
             var reader = new InputStreamReader(in, decoder)) {
            char[] buffer = new char[65536];
            while (reader.read(buffer) != -1) {
                // Decoding the whole file is the check; a malformed byte throws.
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
