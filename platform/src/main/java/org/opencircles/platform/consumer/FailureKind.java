package org.opencircles.platform.consumer;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a failure to apply an event says about the event. Only {@link #CONTENT} condemns a message by itself; an
 * {@link #UNEXPLAINED} failure condemns it only when it keeps failing while the database answers a probe
 * ({@code DatabaseProbe}), so an outage of any kind, whatever SQLSTATE it shows, is waited out rather than
 * dead-lettered.
 */
public enum FailureKind {
    /** The message itself cannot be processed (not an envelope, a payload not of its contract, a newer version). */
    CONTENT,
    /** "Not now": a timeout, a pool with no connection free, a lost connection, a lock or a conflict. Retried for ever. */
    NOT_NOW,
    /** Anything else: retried for ever while the database does not answer; dead-lettered after repeated failures while it does. */
    UNEXPLAINED;

    /** SQLSTATE classes that name a passing condition: connection, rollback (serialization, deadlock), resources. */
    private static final Set<String> NOT_NOW_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Single SQLSTATEs that say the same: lock not available, read-only transaction (a failover in progress). */
    private static final Set<String> NOT_NOW_SQL_STATES = Set.of("55P03", "25006");
    /** Exceptions known by name only, to keep this rule free of Hibernate and Narayana types. */
    private static final Set<String> NOT_NOW_TYPES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.transaction.RollbackException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException");

    /** Classifies a failure by everything in its cause chain. */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return CONTENT;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException
                    || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof EOFException) {
                return NOT_NOW;
            }
            if (t instanceof SQLException sql && notNowSql(sql)) {
                return NOT_NOW;
            }
            if (timedOut(t.getMessage())) {
                // Narayana's transaction reaper and Agroal say so in words only.
                return NOT_NOW;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (NOT_NOW_TYPES.contains(c.getName())) {
                    return NOT_NOW;
                }
            }
        }
        return UNEXPLAINED;
    }

    /** The innermost cause, as its type and the first line of its message: what a log line or an operator is told. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static boolean notNowSql(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return NOT_NOW_SQL_STATES.contains(state)
                || (state.length() >= 2 && NOT_NOW_SQL_CLASSES.contains(state.substring(0, 2)));
    }

    private static boolean timedOut(String message) {
        return message != null
                && (message.contains("Acquisition timeout")
                        || message.contains("transaction is not active")
                        || message.contains("timed out"));
    }
}
