package org.orrery.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;

import org.orrery.twofactor.TwoFactorService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The effects of deactivating or deprecating a record on its data, tokens and sessions; runs inside the state
 * change's transaction.
 */
@Component
class RecordClearing {

    /** The names ORCID gives a cleared record (public, as ORCID shows them). */
    static final String CLEARED_GIVEN_NAMES = "Given Names Deactivated";

    static final String CLEARED_FAMILY_NAME = "Family Name Deactivated";

    private final JdbcTemplate jdbc;

    private final TwoFactorService twoFactor;

    RecordClearing(JdbcTemplate jdbc, TwoFactorService twoFactor) {
        this.jdbc = jdbc;
        this.twoFactor = twoFactor;
    }

    /**
     * Clears the record as ORCID does: every person and activity item deleted, biography removed, names replaced
     * by ORCID's placeholders, credit name removed, inbox notifications (with their items) deleted, two-factor
     * sign-in and its backup codes removed. The e-mail address and password stay (reactivation needs them).
     */
    void clear(String orcid, boolean deactivation) {
        this.twoFactor.disable(orcid);
        this.jdbc.update("DELETE FROM notification WHERE orcid = ?", orcid);
        this.jdbc.update("DELETE FROM record_item WHERE orcid = ?", orcid);
        this.jdbc.update("UPDATE record_settings SET biography = NULL, biography_created_at = NULL,"
                + " biography_modified_at = NULL, modified_at = ? WHERE orcid = ?", Timestamp.from(Instant.now()),
                orcid);
        this.jdbc.update("UPDATE researcher SET given_names = ?, family_name = ?, credit_name = NULL WHERE orcid = ?",
                CLEARED_GIVEN_NAMES, CLEARED_FAMILY_NAME, orcid);
    }

    /** Stops every code, access and refresh token of the researcher at once and forgets their grants. */
    int revokeTokens(String orcid, String reason) {
        int revoked = this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE invalidated = FALSE AND authorization_id IN"
                + " (SELECT id FROM oauth_authorization WHERE orcid = ?)", reason, Timestamp.from(Instant.now()),
                orcid);
        this.jdbc.update("DELETE FROM oauth_grant WHERE orcid = ?", orcid);
        return revoked;
    }

    /** Signs the researcher out everywhere (sessions live in the shared database). */
    void endSessions(String orcid) {
        this.jdbc.update("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", orcid);
    }

    /**
     * Moves the deprecated record's other e-mail addresses to the kept record, as further (not primary) addresses
     * with their verification and visibility. The deprecated record's primary address stays on its row
     * ({@code researcher.email} is unique and required): reserved, and leading whoever signs in with it to the kept
     * record.
     */
    void moveEmails(String fromOrcid, String toOrcid) {
        this.jdbc.update("UPDATE email_address SET orcid = ?, is_primary = FALSE WHERE orcid = ? AND is_primary = FALSE",
                toOrcid, fromOrcid);
    }
}
