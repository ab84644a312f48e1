package org.orrery.oauth;

import static org.orrery.oauth.HashedAuthorizationService.KIND_ACCESS;
import static org.orrery.oauth.HashedAuthorizationService.KIND_CODE;
import static org.orrery.oauth.HashedAuthorizationService.KIND_REFRESH;
import static org.orrery.oauth.HashedAuthorizationService.PLACEHOLDER_MARK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.clients.Scopes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * Reads the tokens of a stored authorization that its object carries: the newest code, access and refresh token
 * that a refresh did not replace, and the token presented (whatever its state), in one query.
 */
final class TokenFamily {

    /**
     * Each part is one probe of an index that starts at the newest token of its kind, so a long refresh chain costs
     * no more than a short one. The union is wrapped in a plain select because H2 keeps a parsed statement for
     * re-use only when it is a plain select: parsing the bare union took a fifth of a warm dance's CPU
     * (bench/RESULTS.md).
     */
    private static final String FAMILY = "SELECT * FROM (SELECT * FROM oauth_token WHERE token_hash = ?"
            + " AND authorization_id = ?" + newest(KIND_CODE) + newest(KIND_ACCESS) + newest(KIND_REFRESH)
            + ") family";

    private final JdbcTemplate jdbc;

    TokenFamily(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the family's tokens to the builder: the presented one with its value, the others with a placeholder
     * ({@code #} and their hash). Returns every token read, hash to kind.
     */
    Map<String, String> addTo(OAuth2Authorization.Builder builder, String authorizationId, String presentedHash,
            String presentedValue) {
        String rotated = RevokeReason.ROTATED.name();
        List<TokenRow> rows = new ArrayList<>(this.jdbc.query(FAMILY, (rs, n) -> new TokenRow(rs.getString("token_hash"),
                rs.getString("token_kind"), rs.getString("scopes"), rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("invalidated")), presentedHash,
                authorizationId, authorizationId, rotated, authorizationId, rotated, authorizationId, rotated));
        rows.sort(Comparator.comparing(TokenRow::issuedAt).reversed());
        Map<String, String> read = new HashMap<>();
        Set<String> seenKinds = new HashSet<>();
        for (TokenRow row : rows) {
            boolean presented = row.hash().equals(presentedHash);
            if (read.put(row.hash(), row.kind()) != null || (!seenKinds.add(row.kind()) && !presented)) {
                continue;
            }
            String value = presented ? presentedValue : PLACEHOLDER_MARK + row.hash();
            OAuth2Token token = switch (row.kind()) {
                case KIND_CODE -> new OAuth2AuthorizationCode(value, row.issuedAt(), row.expiresAt());
                case KIND_ACCESS -> new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, row.issuedAt(),
                        row.expiresAt(), Scopes.split(row.scopes()));
                default -> new OAuth2RefreshToken(value, row.issuedAt(), row.expiresAt());
            };
            builder.token(token, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, row.invalidated()));
        }
        return read;
    }

    private static String newest(String kind) {
        return " UNION ALL (SELECT * FROM oauth_token WHERE authorization_id = ? AND token_kind = '" + kind + "'"
                + " AND (revoke_reason IS NULL OR revoke_reason <> ?)"
                // Every index column in the order: H2 walks its index backwards only when told all of them.
                + " ORDER BY authorization_id DESC, token_kind DESC, issued_at DESC LIMIT 1)";
    }

    private record TokenRow(String hash, String kind, String scopes, Instant issuedAt, Instant expiresAt,
            boolean invalidated) {
    }
}
