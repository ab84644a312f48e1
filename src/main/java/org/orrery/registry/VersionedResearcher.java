package org.orrery.registry;

/**
 * A researcher as read at the start of an API read, with the version of their record at that moment.
 *
 * @param recordVersion raised by every committed write that changes what the record's documents show
 */
public record VersionedResearcher(Researcher researcher, long recordVersion) {
}
