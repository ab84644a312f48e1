package org.orrery.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Researchers in the {@code researcher} table. Emails are stored lower-cased. */
@Repository
public class ResearcherRepository {

    private final JdbcTemplate jdbc;

    public ResearcherRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Researcher> findByOrcid(String orcid) {
        return findWithRecordVersion(orcid).map(VersionedResearcher::researcher);
    }

    /**
     * The researcher with the version of their record: the one query with which an API read starts, so that a
     * node can tell whether an answer it keeps is still current.
     */
    public Optional<VersionedResearcher> findWithRecordVersion(String orcid) {
        if (!OrcidId.isValid(orcid)) {
            return Optional.empty();
        }
        return this.jdbc.query("SELECT * FROM researcher WHERE orcid = ?",
                (rs, row) -> new VersionedResearcher(map(rs, row), rs.getLong("record_version"),
                        rs.getString("record_state"), rs.getString("deprecated_into")), orcid)
            .stream()
            .findFirst();
    }

    /** The researcher whose primary address, or one of whose verified addresses, this is. */
    public Optional<Researcher> findByEmail(String email) {
        if (email == null || email.indexOf('\0') >= 0) {
            return Optional.empty(); // never stored; PostgreSQL refuses NUL in text
        }
        return this.jdbc.query("SELECT r.* FROM researcher r JOIN email_address e ON e.orcid = r.orcid"
                + " WHERE e.address = ? AND (e.is_primary = TRUE OR e.verified = TRUE)", this::map,
                normalizeEmail(email))
            .stream()
            .findFirst();
    }

    public boolean existsByOrcid(String orcid) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM researcher WHERE orcid = ?", Integer.class,
                orcid);
        return count != null && count > 0;
    }

    /** Inserts a researcher whose address is not verified yet. */
    public void insert(Researcher researcher) {
        insert(researcher, false);
    }

    /**
     * Inserts a researcher and their address as the primary one of their account ({@code email_address}); a
     * taken address fails with {@link org.springframework.dao.DuplicateKeyException}.
     */
    public void insert(Researcher researcher, boolean emailVerified) {
        this.jdbc.update(
                "INSERT INTO researcher (orcid, given_names, family_name, credit_name, email, password_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                researcher.orcid().value(), researcher.givenNames(), researcher.familyName(), researcher.creditName(),
                normalizeEmail(researcher.email()), researcher.passwordHash(), Timestamp.from(researcher.createdAt()));
        Timestamp now = Timestamp.from(researcher.createdAt());
        this.jdbc.update("INSERT INTO email_address (address, orcid, verified, is_primary, visibility, added_at,"
                + " verified_at) VALUES (?, ?, ?, TRUE, 'PRIVATE', ?, ?)", normalizeEmail(researcher.email()),
                researcher.orcid().value(), emailVerified, now, emailVerified ? now : null);
    }

    /**
     * Changes the researcher; names and email show on their record, so its version goes up at once. A changed
     * email (only a seed file changes it this way) replaces the primary address, verified.
     */
    public void update(Researcher researcher) {
        this.jdbc.update("UPDATE email_address SET address = ?, verified = TRUE, verified_at = ? WHERE orcid = ?"
                + " AND is_primary = TRUE AND address <> ?", normalizeEmail(researcher.email()),
                Timestamp.from(Instant.now()), researcher.orcid().value(), normalizeEmail(researcher.email()));
        this.jdbc.update(
                "UPDATE researcher SET given_names = ?, family_name = ?, credit_name = ?, email = ?, password_hash = ?,"
                        + " record_version = record_version + 1, record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ?",
                researcher.givenNames(), researcher.familyName(), researcher.creditName(),
                normalizeEmail(researcher.email()), researcher.passwordHash(), researcher.orcid().value());
    }

    /** Stores a new hash of the same password (no version change: nothing a record shows). */
    public void updatePasswordHash(String orcid, String hash) {
        this.jdbc.update("UPDATE researcher SET password_hash = ? WHERE orcid = ?", hash, orcid);
    }

    public Optional<Instant> lastSignedIn(String orcid) {
        return this.jdbc.queryForList("SELECT last_signed_in FROM researcher WHERE orcid = ?", Timestamp.class, orcid)
            .stream()
            .filter(java.util.Objects::nonNull)
            .map(Timestamp::toInstant)
            .findFirst();
    }

    public void recordSignIn(String orcid, Instant when) {
        this.jdbc.update("UPDATE researcher SET last_signed_in = ? WHERE orcid = ?", Timestamp.from(when), orcid);
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private Researcher map(ResultSet rs, int row) throws SQLException {
        return new Researcher(OrcidId.parse(rs.getString("orcid")), rs.getString("given_names"),
                rs.getString("family_name"), rs.getString("credit_name"), rs.getString("email"),
                rs.getString("password_hash"), rs.getTimestamp("created_at").toInstant());
    }
}
