package org.opencircles.members.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading CSV as secretaries send it, and refusing what would exhaust memory, without booting the service. */
class CsvRecordsTest {

    private static CsvRecords csv(String text, char delimiter) throws IOException {
        return new CsvRecords(new StringReader(text), delimiter, 50, 1_000);
    }

    /** Each record as "line: fields". */
    private static List<String> all(CsvRecords csv) throws CsvRecords.BadRecord {
        List<String> out = new ArrayList<>();
        List<String> fields;
        while ((fields = csv.next()) != null) {
            out.add(csv.recordLine() + ": " + fields);
        }
        return out;
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaksKeepingLineNumbers() throws Exception {
        String text = "\uFEFFnumber,name,note\r\n"
                + "A1,\"O'Neil, Jr\",\"said \"\"yes\"\"\"\r\n"
                + "\r\n"
                + "A2,\"Line\nBreak\",x\n"
                + "   \n"
                + "A3,plain,y\r"
                + "A4,\"Smith\" Jr,z";
        assertEquals(
                List.of(
                        "1: [number, name, note]",
                        "2: [A1, O'Neil, Jr, said \"yes\"]",
                        "4: [A2, Line\nBreak, x]",
                        "7: [A3, plain, y]",
                        "8: [A4, Smith Jr, z]"),
                all(csv(text, ',')));
    }

    @Test
    void readsSemicolonSeparatedFiles() throws Exception {
        assertEquals(List.of("1: [a, b;c, d]", "2: [1, 2, 3]"), all(csv("a;\"b;c\";d\n1;2;3\n", ';')));
    }

    @Test
    void aTooLongCellIsABadRecordAndReadingGoesOn() throws Exception {
        CsvRecords csv = csv("a,b\n1," + "x".repeat(51) + "\n2,ok\n", ',');
        csv.next();
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(2, bad.line());
        assertEquals("column 2 is longer than 50 characters", bad.getMessage());
        assertTrue(bad.readingCanGoOn());
        assertEquals(List.of("2", "ok"), csv.next());
        assertEquals(3, csv.recordLine());
        assertNull(csv.next());
    }

    @Test
    void anUnclosedQuoteIsABadRecordAtItsLineAndStopsReading() throws Exception {
        CsvRecords csv = csv("a,b\n1,fine\n2,\"never closed\n3,lost\n", ',');
        csv.next();
        csv.next();
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(3, bad.line());
        assertFalse(bad.readingCanGoOn());
        assertTrue(bad.getMessage().startsWith("has a quoted field that is never closed"), bad.getMessage());
    }

    @Test
    void aTenMegabyteFieldStopsAtTheRecordLimitWithoutReadingItAll() throws Exception {
        int[] pulled = {0};
        Reader huge = new Reader() {
            private final String head = "a,b\n1,\"";
            private int served;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (served >= 10_000_000) {
                    return -1;
                }
                int n = Math.min(length, 10_000_000 - served);
                for (int i = 0; i < n; i++) {
                    int at = served + i;
                    buffer[offset + i] = at < head.length() ? head.charAt(at) : 'x';
                }
                served += n;
                pulled[0] = served;
                return n;
            }

            @Override
            public void close() {}
        };
        CsvRecords csv = new CsvRecords(huge, ',', 10_000, 100_000);
        csv.next();
        CsvRecords.BadRecord bad = assertThrows(CsvRecords.BadRecord.class, csv::next);
        assertEquals(2, bad.line());
        assertFalse(bad.readingCanGoOn());
        assertTrue(bad.getMessage().startsWith("is longer than 100000 characters"), bad.getMessage());
        assertTrue(pulled[0] < 200_000, "read only up to the limit, not " + pulled[0] + " characters");
    }

    /** What the import counts for a file: each record next() returns or refuses, until it stops reading. */
    private static int parsedRecords(String text, char delimiter, int maxRecordLength) throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader(text), delimiter, 50, maxRecordLength);
        int records = 0;
        while (true) {
            try {
                if (csv.next() == null) {
                    return records;
                }
                records++;
            } catch (CsvRecords.BadRecord e) {
                records++;
                if (!e.readingCanGoOn()) {
                    return records;
                }
            }
        }
    }

    @Test
    void countingWithoutParsingAgreesWithTheParserOnEveryShapeOfRecord() throws Exception {
        List<String> files = List.of(
                "\uFEFFnumber,name,note\r\nA1,\"O'Neil, Jr\",\"said \"\"yes\"\"\"\r\n\r\nA2,\"Line\nBreak\",x\n   \nA3,plain,y\r"
                        + "A4,\"Smith\" Jr,z",
                "a,b\n1,\"multi\r\nline\r\n\r\nstill\"\n2,x\n",
                "a,b\n\"\"\n\"  \"\n,\n3,ab\"c\n4,\"d\"\"\"\n",
                "a,b\n1,x\n\n\n",
                "a,b\n1,x",
                "a,b\n\"\"",
                "a,b\n1,fine\n2,\"never closed\n3,lost\n",
                "a,b\n1," + "x".repeat(51) + "\n2,ok\n",
                "a;\"b;c\";d\n1;2;3\n",
                "a,b\r\r\r1,2\r");
        for (String file : files) {
            char delimiter = file.startsWith("a;") ? ';' : ',';
            assertEquals(
                    parsedRecords(file, delimiter, 1_000),
                    CsvRecords.count(new StringReader(file), delimiter, 1_000),
                    file);
        }
        // A record past the limit ends both, counted as the one bad record it is.
        String tooLong = "a,b\n1,x\n2," + "y".repeat(40_000) + "\n3,z\n";
        assertEquals(3, parsedRecords(tooLong, ',', 10_000));
        assertEquals(3, CsvRecords.count(new StringReader(tooLong), ',', 10_000));
    }
}
