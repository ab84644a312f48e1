package org.orrery.groups;

/** A group-id record operation that ORCID's rules refuse; the API maps each reason to ORCID's code. */
public class GroupRefusal extends RuntimeException {

    /** Why: each with ORCID's error code. */
    public enum Reason {
        /** 400/9020: a field is missing or ill-formed (the group-id pattern, the type, a length). */
        INVALID,
        /** 400/9026: no group with this put-code. */
        NOT_FOUND,
        /** 409/9025: another group already has this group-id. */
        DUPLICATE,
        /** 403/9010: only the client that created a group may change or delete it. */
        NOT_SOURCE,
        /** 409/9040: a peer review names the group. */
        REFERENCED
    }

    private final Reason reason;

    public GroupRefusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
