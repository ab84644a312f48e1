package org.orrery.twofactor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of {@code two_factor} and {@code two_factor_backup_code} (migration V50). */
@Repository
class TwoFactorRepository {

    /** One researcher's two-factor row. */
    record Row(String orcid, String secretCiphertext, boolean enabled, Instant enabledAt, Long lastUsedStep) {
    }

    private final JdbcTemplate jdbc;

    TwoFactorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String orcid) {
        return this.jdbc.query("SELECT orcid, secret_ciphertext, enabled, enabled_at, last_used_step FROM two_factor"
                + " WHERE orcid = ?", (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getObject(5) == null ? null : rs.getLong(5)), orcid)
            .stream()
            .findFirst();
    }

    boolean enabled(String orcid) {
        return !this.jdbc.queryForList("SELECT 1 FROM two_factor WHERE orcid = ? AND enabled = TRUE", Integer.class,
                orcid).isEmpty();
    }

    /** Starts (or restarts) a set-up with a new secret; does nothing while two-factor is on. */
    void startSetUp(String orcid, String ciphertext, Instant now) {
        int changed = this.jdbc.update("UPDATE two_factor SET secret_ciphertext = ?, created_at = ?,"
                + " last_used_step = NULL WHERE orcid = ? AND enabled = FALSE", ciphertext, Timestamp.from(now), orcid);
        if (changed == 0 && find(orcid).isEmpty()) {
            this.jdbc.update("INSERT INTO two_factor (orcid, secret_ciphertext, enabled, created_at) VALUES (?, ?, FALSE,"
                    + " ?)", orcid, ciphertext, Timestamp.from(now));
        }
    }

    /** Turns a set-up on; false when it was not waiting (already on, or gone). */
    boolean enable(String orcid, Instant now) {
        return this.jdbc.update("UPDATE two_factor SET enabled = TRUE, enabled_at = ? WHERE orcid = ?"
                + " AND enabled = FALSE", Timestamp.from(now), orcid) == 1;
    }

    /**
     * Records that the code of a step was used, unless this or a later step's code was used before: true for the
     * one caller that may accept it, on any node.
     */
    boolean useStep(String orcid, long step) {
        return this.jdbc.update("UPDATE two_factor SET last_used_step = ? WHERE orcid = ?"
                + " AND (last_used_step IS NULL OR last_used_step < ?)", step, orcid, step) == 1;
    }

    void replaceBackupCodes(String orcid, List<String> hashes) {
        this.jdbc.update("DELETE FROM two_factor_backup_code WHERE orcid = ?", orcid);
        this.jdbc.batchUpdate("INSERT INTO two_factor_backup_code (orcid, code_hash) VALUES (?, ?)",
                hashes.stream().map(hash -> new Object[] { orcid, hash }).toList());
    }

    /** Spends a backup code: true for the one caller that finds it unused. */
    boolean useBackupCode(String orcid, String hash, Instant now) {
        return this.jdbc.update("UPDATE two_factor_backup_code SET used_at = ? WHERE orcid = ? AND code_hash = ?"
                + " AND used_at IS NULL", Timestamp.from(now), orcid, hash) == 1;
    }

    int unusedBackupCodes(String orcid) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM two_factor_backup_code WHERE orcid = ?"
                + " AND used_at IS NULL", Integer.class, orcid);
        return count == null ? 0 : count;
    }

    void delete(String orcid) {
        this.jdbc.update("DELETE FROM two_factor_backup_code WHERE orcid = ?", orcid);
        this.jdbc.update("DELETE FROM two_factor WHERE orcid = ?", orcid);
    }
}
