package org.opencircles.members.service;

import java.io.BufferedReader;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.opencircles.members.config.ImportConfig;
import org.opencircles.platform.problem.FieldError;
import org.opencircles.platform.problem.Problem;
import org.opencircles.platform.problem.ProblemException;

/**
 * An uploaded membership list on disk whose header passed the check: its encoding, delimiter, columns (by their
 * canonical names) and number of rows. Opened as often as needed; removed by whoever received it.
 */
public record ImportFile(Path path, Charset charset, char delimiter, List<String> header, int rows) {

    private static final Logger LOG = Logger.getLogger(ImportFile.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Receives an upload into {@code path}, refused with 413 past the size limit, and checks its header: a file that
     * cannot be a membership list is refused with a 400 now, before anything is queued. The caller removes the file.
     */
    static ImportFile receive(InputStream body, Path path, Map<String, String> mapping, ImportConfig settings)
            throws IOException {
        Files.createDirectories(path.getParent());
        copyAtMost(body, path, settings.maxFileMegabytes() * 1024L * 1024L);
        try {
            return check(path, mapping, settings);
        } catch (IOException e) {
            throw ProblemException.invalidField("file", "could not be read");
        }
    }

    /** The file's records, from its header row on. */
    CsvRecords open(ImportConfig settings) throws IOException {
        return new CsvRecords(
                Files.newBufferedReader(path, charset),
                delimiter,
                settings.maxFieldLength(),
                settings.maxRecordLength());
    }

    /** Removes a file, saying so in the log if it cannot. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete import file %s", file.getFileName());
        }
    }

    private static ImportFile check(Path file, Map<String, String> mapping, ImportConfig settings) throws IOException {
        if (Files.size(file) == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        String firstLine;
        try (BufferedReader r = Files.newBufferedReader(file, charset)) {
            firstLine = r.readLine();
        }
        char delimiter = firstLine != null && count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        try (CsvRecords csv = new CsvRecords(
                Files.newBufferedReader(file, charset),
                delimiter,
                settings.maxFieldLength(),
                settings.maxRecordLength())) {
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
                        .map(c -> new FieldError(c, "column is missing from the header"))
                        .toList());
            }
            // Bad records count as rows: each is reported on its line when the import runs.
            int rows;
            try (Reader all = Files.newBufferedReader(file, charset)) {
                rows = CsvRecords.count(all, delimiter, settings.maxRecordLength()) - 1;
            }
            if (rows > settings.maxRows()) {
                throw ProblemException.invalidField(
                        "file", "has " + rows + " rows; at most " + settings.maxRows() + " per import");
            }
            return new ImportFile(file, charset, delimiter, canonical, rows);
        }
    }

    private static void copyAtMost(InputStream body, Path file, long maxBytes) throws IOException {
        try (InputStream in = body;
                var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(Problem.of(
                            413,
                            "file-too-large",
                            "File too large",
                            "file: is larger than " + maxBytes / (1024 * 1024) + " MB; split the list",
                            List.of(new FieldError("file", "is larger than " + maxBytes / (1024 * 1024) + " MB"))));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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

    /**
     * The data rows of an open file as rows to check, one at a time (an unreadable line becomes a row error); after a
     * line nothing can follow (an unclosed quote), it ends and says why.
     */
    static final class Rows {
        private final CsvRecords csv;
        private final List<String> header;
        private final LocalDate today;
        private String stoppedEarly;
        private boolean done;

        /** The rows of {@code csv}, whose header row has been read, as of {@code today} (for ages). */
        Rows(CsvRecords csv, List<String> header, LocalDate today) {
            this.csv = csv;
            this.header = header;
            this.today = today;
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
}
