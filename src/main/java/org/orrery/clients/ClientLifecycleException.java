package org.orrery.clients;

/** A client lifecycle action that cannot be done: why ({@link Reason}) and a sentence for the operator. */
public class ClientLifecycleException extends RuntimeException {

    /** Why an action was refused. */
    public enum Reason {
        UNKNOWN_CLIENT, INVALID, ALREADY_IN_STATE
    }

    private final Reason reason;

    public ClientLifecycleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
