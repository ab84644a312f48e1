package org.orrery.registry;

/**
 * A researcher as read at the start of an API read, with the version of their record at that moment.
 *
 * @param recordVersion raised by every committed write that changes what the record's documents show
 * @param recordState ACTIVE, LOCKED, DEACTIVATED or DEPRECATED ({@code researcher.record_state}), read in the same
 *        query so that every node sees a state change at once
 * @param deprecatedInto the record kept, when DEPRECATED
 */
public record VersionedResearcher(Researcher researcher, long recordVersion, String recordState,
        String deprecatedInto) {

    public VersionedResearcher(Researcher researcher, long recordVersion) {
        this(researcher, recordVersion, "ACTIVE", null);
    }

    public boolean active() {
        return "ACTIVE".equals(this.recordState);
    }
}
