package org.orrery.record;

import java.util.List;

import org.orrery.registry.Researcher;

/**
 * A record as one reader sees it: the researcher, the record settings, and the items the reader may see.
 */
public record RecordView(Researcher researcher, RecordSettings settings, ReadAccess access, List<RecordItem> visible) {

    public String orcid() {
        return this.researcher.orcid().value();
    }
}
