package org.orrery.record;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a researcher's record: an other name, a work, an employment, ... Its content is the ORCID JSON
 * form of the item's fields ({@code body}), without the metadata that this record carries.
 */
public record RecordItem(String orcid, PutCode putCode, ItemType type, Source source, Visibility visibility,
        int displayIndex, Instant createdAt, Instant modifiedAt, ObjectNode body) {

    /** The item's path as ORCID writes it: {@code /0000-.../work/123}. */
    public String path() {
        return "/" + this.orcid + "/" + this.type.itemPath() + "/" + this.putCode.value();
    }
}
