package org.orrery.lifecycle;

import org.springframework.security.authentication.DisabledException;

/**
 * A sign-in with the right password to a record that cannot be signed in to: deactivated or deprecated (ORCID
 * §5.4, §5.5). The sign-in failure handler sends the browser to {@link #PAGE}, which says why, and for a
 * deprecated record which record to use instead. Thrown only after the password was checked, so it reveals the
 * state to nobody but the holder of the password.
 */
public final class InactiveRecordSignIn extends DisabledException {

    /** The page that explains the refusal. */
    public static final String PAGE = "/signin/record-state";

    /** Session attribute holding the refused record's iD for {@link #PAGE}. */
    public static final String SESSION_ATTRIBUTE = "orrery.lifecycle.refusedOrcid";

    private final transient RecordState state;

    public InactiveRecordSignIn(RecordState state) {
        super("Record " + state.orcid() + " is " + state.status());
        this.state = state;
    }

    public RecordState state() {
        return this.state;
    }

    /** Throws when the record is deactivated or deprecated; a locked record may sign in. */
    public static void check(RecordLifecycle lifecycle, String orcid) {
        lifecycle.find(orcid)
            .filter(state -> state.status() == RecordState.Status.DEACTIVATED
                    || state.status() == RecordState.Status.DEPRECATED)
            .ifPresent(state -> {
                throw new InactiveRecordSignIn(state);
            });
    }
}
