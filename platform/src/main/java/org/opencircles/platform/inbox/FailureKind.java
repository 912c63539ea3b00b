package org.opencircles.platform.inbox;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Whether a failure to apply an event will pass if retried (database down, lock conflict, timeout) or not. */
public enum FailureKind {
    /** Retry with backoff, for as long as it takes; never dead-letter. */
    TRANSIENT,
    /** Retrying the same message will fail the same way. */
    PERMANENT;

    /** SQLSTATE classes that say "not now": connection, rollback (serialization, deadlock), resources, operator. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Single SQLSTATEs that say the same: lock not available, read-only transaction (a failover in progress). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "25006");
    /** Exceptions known by name only, to keep this rule free of Hibernate and Narayana types. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException");

    /** Classifies a failure by everything in its cause chain. */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return PERMANENT;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof EOFException) {
                return TRANSIENT;
            }
            if (t instanceof SQLException sql && transientSql(sql)) {
                return TRANSIENT;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (TRANSIENT_TYPES.contains(c.getName())) {
                    return TRANSIENT;
                }
            }
        }
        return PERMANENT;
    }

    private static boolean transientSql(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal says so in words when the pool cannot hand out a connection in time.
            return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
        }
        return TRANSIENT_SQL_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)));
    }
}
