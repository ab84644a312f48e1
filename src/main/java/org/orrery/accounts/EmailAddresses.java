package org.orrery.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.orrery.record.RecordSettingsWriter;
import org.orrery.record.Visibility;
import org.orrery.registry.ResearcherRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The addresses of researchers' accounts (table {@code email_address}, unique over all accounts). The primary one
 * is also {@code researcher.email}; its visibility is the record setting. Every change that can alter what a
 * record shows raises the record's version, so no node serves a stale answer.
 */
@Repository
public class EmailAddresses {

    /** The primary address shows the record setting's visibility (private until the researcher sets one). */
    private static final String SELECT = "SELECT e.*, s.email_visibility FROM email_address e"
            + " LEFT JOIN record_settings s ON s.orcid = e.orcid";

    private final JdbcTemplate jdbc;

    private final RecordSettingsWriter settings;

    EmailAddresses(JdbcTemplate jdbc, RecordSettingsWriter settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The account's addresses, primary first, then in the order they were added. */
    public List<EmailAddress> of(String orcid) {
        return this.jdbc.query(SELECT + " WHERE e.orcid = ? ORDER BY e.is_primary DESC, e.added_at, e.address",
                EmailAddresses::map, orcid);
    }

    public Optional<EmailAddress> find(String address) {
        if (address == null || address.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return this.jdbc.query(SELECT + " WHERE e.address = ?", EmailAddresses::map,
                ResearcherRepository.normalizeEmail(address)).stream().findFirst();
    }

    /** Whether the account's primary address is verified (what the record editor and developer tools need). */
    public boolean primaryVerified(String orcid) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM email_address WHERE orcid = ?"
                + " AND is_primary = TRUE AND verified = TRUE", Integer.class, orcid);
        return count != null && count > 0;
    }

    /** Adds an unverified, private address; fails with DuplicateKeyException when any account has it. */
    void add(String orcid, String address) {
        this.jdbc.update("INSERT INTO email_address (address, orcid, verified, is_primary, visibility, added_at)"
                + " VALUES (?, ?, FALSE, FALSE, 'PRIVATE', ?)", ResearcherRepository.normalizeEmail(address), orcid,
                Timestamp.from(Instant.now()));
    }

    /** Removes a non-primary address of the account; false when there is none such. */
    boolean remove(String orcid, String address) {
        boolean removed = this.jdbc.update("DELETE FROM email_address WHERE orcid = ? AND address = ?"
                + " AND is_primary = FALSE", orcid, address) == 1;
        if (removed) {
            bumpRecordVersion(orcid);
        }
        return removed;
    }

    /** Marks an address of this account verified; false when it is no longer this account's. */
    boolean markVerified(String orcid, String address) {
        boolean marked = this.jdbc.update("UPDATE email_address SET verified = TRUE, verified_at = ? WHERE orcid = ?"
                + " AND address = ? AND verified = FALSE", Timestamp.from(Instant.now()), orcid, address) == 1;
        if (marked) {
            bumpRecordVersion(orcid);
        }
        return marked;
    }

    /**
     * Makes a verified address of the account its primary one (and {@code researcher.email}); the visibilities
     * travel with the addresses. Run in a transaction.
     */
    void makePrimary(String orcid, EmailAddress next, EmailAddress current) {
        Visibility currentVisibility = current.visibility();
        this.jdbc.update("UPDATE email_address SET is_primary = FALSE, visibility = ? WHERE address = ?",
                currentVisibility.name(), current.address());
        this.jdbc.update("UPDATE email_address SET is_primary = TRUE WHERE address = ?", next.address());
        this.jdbc.update("UPDATE researcher SET email = ? WHERE orcid = ?", next.address(), orcid);
        this.settings.setEmailVisibility(orcid, next.visibility());
    }

    /** Sets the visibility of one address of the account (the primary's is the record setting). */
    void setVisibility(String orcid, EmailAddress address, Visibility visibility) {
        if (address.primary()) {
            this.settings.setEmailVisibility(orcid, visibility);
            return;
        }
        this.jdbc.update("UPDATE email_address SET visibility = ? WHERE orcid = ? AND address = ?", visibility.name(),
                orcid, address.address());
        bumpRecordVersion(orcid);
    }

    private void bumpRecordVersion(String orcid) {
        this.jdbc.update("UPDATE researcher SET record_version = record_version + 1 WHERE orcid = ?", orcid);
    }

    private static EmailAddress map(ResultSet rs, int row) throws SQLException {
        boolean primary = rs.getBoolean("is_primary");
        String primaryVisibility = rs.getString("email_visibility");
        String visibility = primary ? (primaryVisibility == null ? "PRIVATE" : primaryVisibility)
                : rs.getString("visibility");
        return new EmailAddress(rs.getString("address"), rs.getString("orcid"), rs.getBoolean("verified"), primary,
                Visibility.valueOf(visibility),
                rs.getTimestamp("added_at").toInstant());
    }
}
