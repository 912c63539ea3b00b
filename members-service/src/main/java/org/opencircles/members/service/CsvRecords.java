package org.opencircles.members.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR endings;
 * a leading byte-order mark is dropped. Reads one record at a time, so a 500,000-row list never sits in memory.
 */
public final class CsvRecords implements Closeable {

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int recordLine = 1;
    private int pushedBack = -2;
    private boolean first = true;

    public CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line the last record returned started on (the header is line 1). */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end; blank lines are skipped. */
    public List<String> next() throws IOException {
        while (true) {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean sawAnything = false;
            int c;
            while (true) {
                c = read();
                if (c == -1) {
                    if (!sawAnything) {
                        return null;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                sawAnything = true;
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            unread(n);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    break;
                } else {
                    field.append((char) c);
                }
            }
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                return fields;
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
