package org.orrery.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

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
        }
        return false;
    }

    /** The innermost message, for one log line without a stack trace. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
