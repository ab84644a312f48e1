package org.orrery.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (no connection could be had or kept: the server is
 * down, refuses connections, or dropped them) from other unexpected failures. Such a failure is an outage, not a
 * bug: callers get 503 (try again later) rather than 500, and Orrery recovers by itself once connections succeed
 * again (the pool keeps trying). A pool that was closed (shut down) is no outage: that stays an unexpected failure.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before it retries ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** True when this failure, or one of its causes, is a lost or refused database connection. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true; // the pool timed out waiting for a connection, or the driver lost one
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // SQLSTATE 08: connection exception; 57P: the server shut down or is starting
            }
            Throwable rolledBackFor = applicationException(cause);
            if (rolledBackFor != null && causedBy(rolledBackFor)) {
                return true; // a statement lost its connection, so the rollback on it failed too
            }
        }
        return false;
    }

    /** The innermost message, for one log line without a stack trace. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable behind = behind(root); behind != null; behind = behind(root)) {
            root = behind;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The failure that made a transaction roll back, when the rollback failed too. A statement that lost its
     * connection leaves that connection closed, so rolling back fails again ("Connection is closed", with no
     * SQLSTATE); Spring then throws the rollback's failure and keeps the statement's, the one that tells an outage,
     * only as the application exception.
     */
    private static Throwable applicationException(Throwable failure) {
        return failure instanceof TransactionSystemException rollback ? rollback.getApplicationException() : null;
    }

    /** The failure that led to this one: the statement's rather than the rollback's, when both failed. */
    private static Throwable behind(Throwable failure) {
        Throwable rolledBackFor = applicationException(failure);
        if (rolledBackFor != null) {
            return rolledBackFor;
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
