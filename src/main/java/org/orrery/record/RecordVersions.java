package org.orrery.record;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The version of each record ({@code researcher.record_version}), which every write that changes what the
 * record's documents show raises in its own transaction, stamping {@code record_changed_at} (which the search
 * indexers of all nodes poll). Answers kept by a node are keyed by it, so a write
 * committed through any node makes them stale everywhere at once.
 * <p>
 * Writers raise it before they change anything: the researcher's row is then the first lock every writer of a
 * record takes, and writers of one record cannot deadlock on each other's rows.
 */
@Repository
public class RecordVersions {

    private final JdbcTemplate jdbc;

    public RecordVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises the record's version; call it inside the transaction of the write. Throws
     * {@link RecordNotActiveException} when the record is locked, deactivated or deprecated: only active records
     * are written to.
     */
    public void raise(String orcid) {
        int raised = this.jdbc.update("UPDATE researcher SET record_version = record_version + 1,"
                + " record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ? AND record_state = 'ACTIVE'", orcid);
        if (raised == 0) {
            this.jdbc.query("SELECT record_state, deprecated_into FROM researcher WHERE orcid = ?",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        throw new RecordNotActiveException(orcid, rs.getString(1), rs.getString(2));
                    }, orcid);
        }
    }
}
