package org.orrery.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.orrery.clients.SecretHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The single-use links of the accounts feature (table {@code account_token}): 256 random bits, handed out once in
 * a mail and kept only as their SHA-256, each bound to a purpose, a researcher and (for verification) an address.
 * Looking a token up by its hash compares no secret byte by byte.
 */
@Repository
class AccountTokens {

    /** What a token is for. */
    enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD
    }

    /** Where a presented token stands. */
    enum State {
        VALID, USED, EXPIRED, SUPERSEDED, UNKNOWN
    }

    /** A presented token: its state and, unless unknown, whom it was issued for. */
    record Lookup(State state, String hash, String orcid, String address) {

        static Lookup unknown() {
            return new Lookup(State.UNKNOWN, null, null, null);
        }
    }

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;

    AccountTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Issues a token; with {@code supersede}, every earlier unused token of the same purpose and researcher stops
     * working. Returns the token itself, to be mailed and forgotten.
     */
    String issue(Purpose purpose, String orcid, String address, Duration lifetime, boolean supersede) {
        Instant now = Instant.now();
        if (supersede) {
            this.jdbc.update("UPDATE account_token SET superseded_at = ? WHERE orcid = ? AND purpose = ?"
                    + " AND used_at IS NULL AND superseded_at IS NULL", Timestamp.from(now), orcid, purpose.name());
        }
        byte[] bytes = new byte[32];
        this.random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.jdbc.update("INSERT INTO account_token (token_hash, purpose, orcid, address, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", SecretHasher.sha256(token), purpose.name(), orcid, address,
                Timestamp.from(now), lifetime == null ? null : Timestamp.from(now.plus(lifetime)));
        return token;
    }

    /** Finds a presented token of this purpose; a malformed one, or one of another purpose, is unknown. */
    Lookup find(Purpose purpose, String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Lookup.unknown();
        }
        String hash = SecretHasher.sha256(token);
        Instant now = Instant.now();
        Optional<Lookup> found = this.jdbc.query("SELECT orcid, address, expires_at, used_at, superseded_at"
                + " FROM account_token WHERE token_hash = ? AND purpose = ?", (rs, row) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    State state = rs.getTimestamp("used_at") != null ? State.USED
                            : rs.getTimestamp("superseded_at") != null ? State.SUPERSEDED
                            : expires != null && !expires.toInstant().isAfter(now) ? State.EXPIRED : State.VALID;
                    return new Lookup(state, hash, rs.getString("orcid"), rs.getString("address"));
                }, hash, purpose.name()).stream().findFirst();
        return found.orElseGet(Lookup::unknown);
    }

    /** Uses a valid token up; false when another request used it first, or it has just expired or been superseded. */
    boolean use(Lookup token) {
        return token.state() == State.VALID && this.jdbc.update("UPDATE account_token SET used_at = ?"
                + " WHERE token_hash = ? AND used_at IS NULL AND superseded_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?)", Timestamp.from(Instant.now()), token.hash(),
                Timestamp.from(Instant.now())) == 1;
    }

    /** Forgets tokens issued before this instant (used, expired or not). */
    int purgeIssuedBefore(Instant before) {
        return this.jdbc.update("DELETE FROM account_token WHERE created_at < ?", Timestamp.from(before));
    }
}
