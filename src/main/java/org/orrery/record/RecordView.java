package org.orrery.record;

import java.util.List;

import org.orrery.registry.Researcher;

/**
 * A record as one reader sees it: the researcher, the record settings, the items the reader may see, and the
 * account's verified e-mail addresses (each still to be checked against the reader's access).
 */
public record RecordView(Researcher researcher, RecordSettings settings, ReadAccess access, List<RecordItem> visible,
        List<AccountEmail> emails) {

    public String orcid() {
        return this.researcher.orcid().value();
    }
}
