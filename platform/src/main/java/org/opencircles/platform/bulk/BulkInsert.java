package org.opencircles.platform.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Writes many rows into one table with PostgreSQL {@code COPY}, in the caller's transaction: what a national import
 * needs instead of one INSERT per entity (set-based, one round trip per table and chunk, no entity bookkeeping).
 */
@ApplicationScoped
public class BulkInsert {

    @Inject
    EntityManager em;

    /**
     * Copies {@code rows} (values in the order of {@code columns}: strings, numbers, booleans, dates, instants, UUIDs,
     * lists of strings for array columns, or null) into {@code table}. Entities persisted earlier in the transaction
     * are flushed first, so rows land in the order the caller wrote them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rows(String table, List<String> columns, Collection<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (List<?> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        table + ": " + row.size() + " values for " + columns.size() + " columns");
            }
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                cell(csv, row.get(i));
            }
            csv.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
        });
    }

    private static void cell(StringBuilder csv, Object value) {
        if (value == null) {
            return; // an unquoted empty cell is NULL in COPY's CSV format
        }
        if (value instanceof Boolean b) {
            csv.append(b ? 't' : 'f');
        } else if (value instanceof Number
                || value instanceof UUID
                || value instanceof LocalDate
                || value instanceof Instant) {
            csv.append(value);
        } else if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append('"')
                        .append(list.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            quoted(csv, array.append('}').toString());
        } else {
            quoted(csv, value.toString());
        }
    }

    /** A quoted cell: an empty string stays an empty string (not NULL), quotes are doubled. */
    private static void quoted(StringBuilder csv, String s) {
        csv.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
