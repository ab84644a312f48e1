package org.orrery.record;

/**
 * A write to a record that is not active (locked, deactivated or deprecated; see {@code org.orrery.lifecycle}),
 * found under the record's row lock, so a state change that committed after the request's first check still
 * stops the write. Nothing was written.
 */
public class RecordNotActiveException extends RuntimeException {

    private final String orcid;

    private final String state;

    private final String deprecatedInto;

    public RecordNotActiveException(String orcid, String state, String deprecatedInto) {
        super("Record " + orcid + " is " + state);
        this.orcid = orcid;
        this.state = state;
        this.deprecatedInto = deprecatedInto;
    }

    public String orcid() {
        return this.orcid;
    }

    /** LOCKED, DEACTIVATED or DEPRECATED. */
    public String state() {
        return this.state;
    }

    public String deprecatedInto() {
        return this.deprecatedInto;
    }
}
