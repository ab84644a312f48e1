package org.orrery.notifications;

/** Why a notification call is refused; the API turns each reason into ORCID's status and error code. */
public class NotificationRefusal extends RuntimeException {

    /** The reasons, with the ORCID error code each one answers. */
    public enum Reason {
        /** The body is not a valid permission notification (400/9020). */
        INVALID,
        /** No such notification for this record (404/9029). */
        NOT_FOUND,
        /** Another client's notification, read (403/9004). */
        NOT_YOURS,
        /** Another client's notification, archived (403/9010). */
        NOT_SOURCE,
        /** The researcher already read it, so its sender may no longer archive it (403/9009). */
        ALREADY_READ
    }

    private final Reason reason;

    public NotificationRefusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
