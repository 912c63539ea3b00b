package org.opencircles.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures a consumer retries for as long as it takes, and which may end on the dead-letter topic (after the database probe). */
class FailureKindTest {

    private static PersistenceException wrapped(Throwable cause) {
        // As a commit failure reaches the consumer: Narayana and Hibernate wrap the driver's exception.
        return new PersistenceException("commit failed", new RuntimeException("flush", cause));
    }

    @Test
    void theDatabaseBeingDownOrBusyIsTransient() {
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("Connection refused", "08001"))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("terminating connection", "57P01"))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("could not serialize", "40001"))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("lock not available", "55P03"))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new SQLException("too many connections", "53300"))));
        assertEquals(
                FailureKind.NOT_NOW,
                FailureKind.of(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(
                FailureKind.NOT_NOW,
                FailureKind.of(wrapped(new JDBCConnectionException("no connection", new SQLException("x")))));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void anOptimisticConflictIsTransient() {
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(new OptimisticLockException("row changed")));
        assertEquals(FailureKind.NOT_NOW, FailureKind.of(wrapped(new StaleObjectStateException("FollowUp", "id"))));
    }

    @Test
    void aStatementOrTransactionTimeoutIsNotNow() {
        assertEquals(
                FailureKind.NOT_NOW,
                FailureKind.of(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))));
        assertEquals(
                FailureKind.NOT_NOW,
                FailureKind.of(
                        new IllegalStateException("ARJUNA016102: The transaction is not active! Uid is 0:ffff")));
    }

    @Test
    void anythingElseIsUnexplainedUntilTheDatabaseIsProbed() {
        // A database refusing new connections for maintenance says 55000: not on any list, so the probe decides.
        assertEquals(
                FailureKind.UNEXPLAINED,
                FailureKind.of(wrapped(new SQLException(
                        "FATAL: database \"actions\" is not currently accepting connections", "55000"))));
        assertEquals(FailureKind.UNEXPLAINED, FailureKind.of(new NullPointerException("clpCode")));
        assertEquals(
                FailureKind.UNEXPLAINED,
                FailureKind.of(wrapped(new ConstraintViolationException(
                        "not null", new SQLException("null value in column", "23502"), "clp_code"))));
        assertEquals(FailureKind.UNEXPLAINED, FailureKind.of(wrapped(new SQLException("no state"))));
    }

    @Test
    void poisonIsTheContentWhateverElseTheChainSays() {
        assertEquals(
                FailureKind.CONTENT,
                FailureKind.of(new PoisonMessageException("not JSON", new SQLException("never looked at", "08001"))));
        assertEquals(
                FailureKind.CONTENT,
                FailureKind.of(
                        new RuntimeException("wrapped", new PoisonMessageException("payload does not match", null))));
    }
}
