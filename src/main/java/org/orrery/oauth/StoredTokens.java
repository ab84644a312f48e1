package org.orrery.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.orrery.clients.Scopes;
import org.orrery.clients.SecretHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Codes and tokens as stored rows ({@code oauth_token}), found by their value or hash, and revoked: one token, a
 * token with its pair, or every token of an authorization. The grants and the revocation endpoint use it where
 * Spring's {@code OAuth2AuthorizationService} has no word for what ORCID's semantics need.
 */
@Component
public class StoredTokens {

    private final JdbcTemplate jdbc;

    StoredTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks every access and refresh token of an authorization revoked. */
    public void revokeTokens(String authorizationId, RevokeReason reason) {
        this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE authorization_id = ? AND token_kind <> ? AND invalidated = FALSE", reason.name(), now(),
                authorizationId, HashedAuthorizationService.KIND_CODE);
    }

    /** Revokes one token by its hash, and with it the token of its pair (access with refresh, either way). */
    public void revokeWithPair(String tokenHash, RevokeReason reason) {
        this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE invalidated = FALSE AND (token_hash = ? OR pair_hash = ? OR token_hash IN"
                + " (SELECT pair_hash FROM oauth_token WHERE token_hash = ?))", reason.name(), now(), tokenHash,
                tokenHash, tokenHash);
    }

    /** Revokes one access token only. */
    public void revokeAccessToken(String tokenHash, RevokeReason reason) {
        this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE token_hash = ? AND token_kind = ? AND invalidated = FALSE", reason.name(), now(), tokenHash,
                HashedAuthorizationService.KIND_ACCESS);
    }

    /** What is stored about one code or token, found by its value. */
    public Optional<StoredToken> findStored(String value) {
        return findStoredByHash(SecretHasher.sha256(value));
    }

    /** What is stored about one code or token, found by its hash. */
    public Optional<StoredToken> findStoredByHash(String hash) {
        return this.jdbc.query("SELECT * FROM oauth_token WHERE token_hash = ?",
                (rs, row) -> new StoredToken(rs.getString("token_hash"), rs.getString("authorization_id"),
                        rs.getString("token_kind"), rs.getBoolean("invalidated"), rs.getString("revoke_reason"),
                        instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("expires_at")),
                        rs.getString("pair_hash"), Scopes.split(rs.getString("scopes"))),
                hash).stream().findFirst();
    }

    /** One stored code or token. */
    public record StoredToken(String hash, String authorizationId, String kind, boolean invalidated,
            String revokeReason, Instant revokedAt, Instant expiresAt, String pairHash, Set<String> scopes) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
