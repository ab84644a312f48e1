package org.orrery.record;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the verified addresses of an account (table {@code email_address}, written by the accounts feature): only
 * these appear on the record, in the API and on the public page.
 */
@Repository
class AccountEmailReader {

    private final JdbcTemplate jdbc;

    AccountEmailReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The verified addresses, primary first. */
    List<AccountEmail> verified(String orcid, RecordSettings settings) {
        return this.jdbc.query("SELECT address, is_primary, visibility, added_at, verified_at FROM email_address"
                + " WHERE orcid = ? AND verified = TRUE ORDER BY is_primary DESC, added_at, address",
                (rs, row) -> {
                    boolean primary = rs.getBoolean("is_primary");
                    Timestamp verifiedAt = rs.getTimestamp("verified_at");
                    return new AccountEmail(rs.getString("address"), primary,
                            primary ? settings.emailVisibility() : Visibility.valueOf(rs.getString("visibility")),
                            rs.getTimestamp("added_at").toInstant(),
                            verifiedAt == null ? null : verifiedAt.toInstant());
                }, orcid);
    }
}
