package org.orrery.lifecycle;

/**
 * A record state change that was refused; nothing was changed. {@link #code()} is stable for scripts, the
 * message says the same for a person.
 */
public class LifecycleException extends RuntimeException {

    /** Why a change was refused. */
    public enum Code {
        /** No record has that iD (or the iD is malformed). */
        UNKNOWN_RECORD,
        /** A record cannot be merged into itself. */
        SAME_RECORD,
        /** The record to keep in a merge is not active. */
        TARGET_NOT_ACTIVE,
        /** The record is already in the state asked for. */
        ALREADY_IN_STATE,
        /** The change does not apply to the record's current state (e.g. locking a deactivated record). */
        WRONG_STATE,
        /** A required argument (e.g. the lock reason) is missing or too long. */
        INVALID_ARGUMENT
    }

    private final Code code;

    public LifecycleException(Code code, String message) {
        super(code.name() + ": " + message);
        this.code = code;
    }

    public Code code() {
        return this.code;
    }
}
