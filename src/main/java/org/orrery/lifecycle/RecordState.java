package org.orrery.lifecycle;

import java.time.Instant;

/**
 * A record's lifecycle state as stored now.
 *
 * @param orcid the record
 * @param status ACTIVE, LOCKED, DEACTIVATED or DEPRECATED
 * @param deprecatedInto the record kept, when DEPRECATED (else null)
 * @param reason the operator's reason, when LOCKED (else null)
 * @param changedAt when the state last changed (null for a record that was always active)
 */
public record RecordState(String orcid, Status status, String deprecatedInto, String reason, Instant changedAt) {

    /** The four states of {@code researcher.record_state}. */
    public enum Status {
        ACTIVE, LOCKED, DEACTIVATED, DEPRECATED
    }

    public boolean isActive() {
        return this.status == Status.ACTIVE;
    }
}
