package org.opencircles.platform.inbox;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which failures a consumer retries for as long as it takes, and which may end on the dead-letter topic. */
class FailureKindTest {

    private static PersistenceException wrapped(Throwable cause) {
        // As a commit failure reaches the consumer: Narayana and Hibernate wrap the driver's exception.
        return new PersistenceException("commit failed", new RuntimeException("flush", cause));
    }

    @Test
    void theDatabaseBeingDownOrBusyIsTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("Connection refused", "08001"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("terminating connection", "57P01"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("could not serialize", "40001"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("lock not available", "55P03"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new SQLException("too many connections", "53300"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(
                new JDBCConnectionException("no connection", new SQLException("x")))));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void anOptimisticConflictIsTransient() {
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new OptimisticLockException("row changed")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(new StaleObjectStateException("FollowUp", "id"))));
    }

    @Test
    void bugsBadDataAndPoisonArePermanent() {
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new NullPointerException("clpCode")));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(wrapped(new ConstraintViolationException("not null",
                new SQLException("null value in column", "23502"), "clp_code"))));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(wrapped(new SQLException("no state"))));
        assertEquals(FailureKind.PERMANENT, FailureKind.of(new PoisonMessageException("not JSON",
                new SQLException("never looked at", "08001"))));
    }
}
