package org.orrery.oauth;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.orrery.clients.Scopes;
import org.orrery.clients.SecretHasher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores authorizations with one row per code and per token, keyed by the SHA-256 of its value: the database
 * never holds a value that was handed out.
 * <p>
 * When an authorization is loaded for a presented code or token, the presented value is put back into the
 * returned object, so the framework's equality checks keep working; tokens of the same authorization whose
 * value was not presented carry a placeholder value: {@code #} followed by their hash.
 * <p>
 * Redeeming a code is atomic: of two concurrent redemptions exactly one marks the code used; the other finds
 * it used, revokes every token the code produced (RFC 6749 §4.1.2) and fails with {@code invalid_grant}.
 */
@Component
public class HashedAuthorizationService implements OAuth2AuthorizationService {

    static final char PLACEHOLDER_MARK = '#';

    static final OAuth2TokenType STATE_TOKEN_TYPE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    static final String KIND_CODE = "code";

    static final String KIND_ACCESS = "access";

    static final String KIND_REFRESH = "refresh";

    /**
     * Marks every authorization this service loads, with the tokens it was loaded with (hash to kind); builders made
     * from one keep it, so an authorization without it was made on this request and has no row yet, and a token
     * not among them was minted on this request. Never stored.
     */
    static final String STORED = HashedAuthorizationService.class.getName() + ".stored";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final RegisteredClientRepository clients;

    private final AuthorizationAttributesCodec codec;

    private final StoredTokens tokens;

    private final AuthorizationRows rows;

    private final RequestLoadedAuthorizations loaded = new RequestLoadedAuthorizations();

    private final TokenFamily family;

    public HashedAuthorizationService(JdbcTemplate jdbc, TransactionTemplate transactions,
            RegisteredClientRepository clients, AuthorizationAttributesCodec codec, StoredTokens tokens) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clients = clients;
        this.codec = codec;
        this.tokens = tokens;
        this.rows = new AuthorizationRows(jdbc, codec);
        this.family = new TokenFamily(jdbc);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        save(authorization, true);
    }

    /** Saves the new tokens of a refresh; the grant's code, long used, is left as it is. */
    public void saveRefreshed(OAuth2Authorization authorization) {
        save(authorization, false);
    }

    private void save(OAuth2Authorization authorization, boolean withCode) {
        this.loaded.forget();
        if (authorization.getAttribute(STORED) == null) {
            try {
                saveNew(authorization);
                return;
            }
            catch (DuplicateKeyException ex) {
                // saved once already on this request (nothing of this attempt was kept): save it as a stored one
            }
        }
        Boolean lostRace = this.transactions.execute(status -> {
            if (!this.rows.update(authorization)) {
                this.rows.insert(authorization);
            }
            OAuth2Authorization.Token<OAuth2AuthorizationCode> code = withCode
                    ? authorization.getToken(OAuth2AuthorizationCode.class) : null;
            if (code != null && !saveToken(authorization, code, KIND_CODE, null)) {
                status.setRollbackOnly();
                return true;
            }
            // The tokens this authorization held when loaded (hash to kind); null when it was not loaded.
            Map<String, String> stored = authorization.getAttribute(STORED);
            List<String> current = new ArrayList<>();
            OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
            if (access != null) {
                saveOrInsert(authorization, access, KIND_ACCESS, String.join(" ", access.getToken().getScopes()), stored);
                current.add(hashOf(access));
            }
            OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
            if (refresh != null) {
                saveOrInsert(authorization, refresh, KIND_REFRESH, null, stored);
                current.add(hashOf(refresh));
            }
            if (stored == null || stored.containsValue(KIND_REFRESH)) {
                retireReplacedTokens(authorization.getId(), current); // a first exchange has nothing to retire
            }
            return false;
        });
        if (Boolean.TRUE.equals(lostRace)) {
            this.tokens.revokeTokens(authorization.getId(), RevokeReason.AUTH_CODE_REUSED);
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "Reused authorization code", null));
        }
    }

    /**
     * An authorization made on this request (not loaded by this service): its row and its tokens are inserted
     * without first looking for them, and no earlier token of it can need retiring.
     */
    private void saveNew(OAuth2Authorization authorization) {
        this.transactions.executeWithoutResult(status -> {
            this.rows.insert(authorization);
            OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
            if (code != null) {
                insertToken(authorization, code, KIND_CODE, null);
            }
            OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
            if (access != null) {
                insertToken(authorization, access, KIND_ACCESS, String.join(" ", access.getToken().getScopes()));
            }
            if (authorization.getRefreshToken() != null) {
                insertToken(authorization, authorization.getRefreshToken(), KIND_REFRESH, null);
            }
        });
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        this.loaded.forget();
        this.jdbc.update("DELETE FROM oauth_authorization WHERE id = ?", authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return load(id, null, null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String hash = SecretHasher.sha256(token);
        return this.loaded.find((tokenType == null ? "" : tokenType.getValue()) + ':' + hash,
                () -> findByHash(token, hash, tokenType));
    }

    private OAuth2Authorization findByHash(String token, String hash, OAuth2TokenType tokenType) {
        if (tokenType == null || STATE_TOKEN_TYPE.equals(tokenType)) {
            List<String> ids = this.jdbc.queryForList("SELECT id FROM oauth_authorization WHERE state_hash = ?",
                    String.class, hash);
            if (!ids.isEmpty()) {
                OAuth2Authorization found = load(ids.get(0), null, null);
                return found == null ? null
                        : OAuth2Authorization.from(found).attribute(OAuth2ParameterNames.STATE, token).build();
            }
            if (tokenType != null) {
                return null;
            }
        }
        List<Map<String, Object>> rows = this.jdbc.queryForList(
                "SELECT authorization_id, token_kind FROM oauth_token WHERE token_hash = ?", hash);
        if (rows.isEmpty()) {
            return null;
        }
        String kind = (String) rows.get(0).get("token_kind");
        if (tokenType != null && !kind.equals(kindOf(tokenType))) {
            return null;
        }
        return load((String) rows.get(0).get("authorization_id"), hash, token);
    }

    /** The iD of the researcher who granted an authorization; null for a client's own (two-legged) one. */
    public static String researcherOf(OAuth2Authorization authorization) {
        return authorization.getAttribute(Principal.class.getName()) == null ? null : authorization.getPrincipalName();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String kindOf(OAuth2TokenType type) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(type)) {
            return KIND_ACCESS;
        }
        if (OAuth2TokenType.REFRESH_TOKEN.equals(type)) {
            return KIND_REFRESH;
        }
        if (OAuth2ParameterNames.CODE.equals(type.getValue())) {
            return KIND_CODE;
        }
        return "unsupported";
    }

    /** A token minted on this request (not among those loaded) is inserted without first looking for it. */
    private void saveOrInsert(OAuth2Authorization authorization, OAuth2Authorization.Token<? extends OAuth2Token> token,
            String kind, String scopes, Map<String, String> stored) {
        if (stored != null && !stored.containsKey(hashOf(token))) {
            insertToken(authorization, token, kind, scopes);
        }
        else {
            saveToken(authorization, token, kind, scopes);
        }
    }

    /**
     * Inserts a token, or records that it was invalidated. Returns false only when a code that this object
     * marks used was already used in the database: another redemption won.
     */
    private boolean saveToken(OAuth2Authorization authorization, OAuth2Authorization.Token<? extends OAuth2Token> token,
            String kind, String scopes) {
        String hash = hashOf(token);
        List<Boolean> stored = this.jdbc.queryForList("SELECT invalidated FROM oauth_token WHERE token_hash = ?",
                Boolean.class, hash);
        if (stored.isEmpty()) {
            insertToken(authorization, token, kind, scopes);
            return true;
        }
        if (token.isInvalidated() && !stored.get(0)) {
            int marked = this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoked_at = ?"
                    + " WHERE token_hash = ? AND invalidated = FALSE", now(), hash);
            if (marked == 0 && KIND_CODE.equals(kind)) {
                return false;
            }
            if (!KIND_CODE.equals(kind)) {
                this.jdbc.update("UPDATE oauth_token SET revoke_reason = ? WHERE token_hash = ? AND revoke_reason IS NULL",
                        reasonFor(authorization).name(), hash);
            }
        }
        else if (KIND_CODE.equals(kind) && token.isInvalidated() && stored.get(0) && authorization.getAccessToken() != null
                && isNew(authorization.getAccessToken())) {
            // The code was used before this exchange loaded it: a concurrent redemption won.
            return false;
        }
        return true;
    }

    private void insertToken(OAuth2Authorization authorization, OAuth2Authorization.Token<? extends OAuth2Token> token,
            String kind, String scopes) {
        OAuth2Token value = token.getToken();
        String pair = KIND_REFRESH.equals(kind) && authorization.getAccessToken() != null
                ? hashOf(authorization.getAccessToken()) : null;
        try {
            this.jdbc.update("INSERT INTO oauth_token (token_hash, authorization_id, token_kind, scopes, issued_at,"
                    + " expires_at, invalidated, pair_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", hashOf(token),
                    authorization.getId(), kind, scopes, Timestamp.from(value.getIssuedAt()),
                    Timestamp.from(value.getExpiresAt()), token.isInvalidated(), pair);
        }
        catch (DuplicateKeyException ex) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "Token value collision, please retry", null));
        }
    }

    private boolean isNew(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        return this.jdbc.queryForList("SELECT token_hash FROM oauth_token WHERE token_hash = ?", String.class,
                hashOf(token)).isEmpty();
    }

    private static RevokeReason reasonFor(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        return code != null && code.isInvalidated() ? RevokeReason.AUTH_CODE_REUSED : RevokeReason.CLIENT_REVOKED;
    }

    /** Refresh tokens that a refresh replaced stay on record (for reuse detection) but stop working. */
    private void retireReplacedTokens(String authorizationId, List<String> currentHashes) {
        if (currentHashes.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", currentHashes.stream().map(h -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(RevokeReason.ROTATED.name());
        args.add(now());
        args.add(authorizationId);
        args.add(KIND_REFRESH);
        args.addAll(currentHashes);
        this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE authorization_id = ? AND token_kind = ? AND invalidated = FALSE AND token_hash NOT IN ("
                + placeholders + ")", args.toArray());
    }

    static String hashOf(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        String value = token.getToken().getTokenValue();
        return isPlaceholder(value) ? value.substring(1) : SecretHasher.sha256(value);
    }

    /** A token loaded without its value (it was not the one presented) carries {@code #} and its hash. */
    private static boolean isPlaceholder(String value) {
        return value.length() == 65 && value.charAt(0) == PLACEHOLDER_MARK;
    }

    private OAuth2Authorization load(String id, String presentedHash, String presentedValue) {
        // Read the row first, then build: no query runs while another holds a pooled connection.
        List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM oauth_authorization WHERE id = ?", id);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        var registeredClient = this.clients.findById((String) row.get("client_id"));
        if (registeredClient == null) {
            return null;
        }
        String orcid = (String) row.get("orcid");
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(registeredClient)
            .id(id)
            .principalName(orcid != null ? orcid : registeredClient.getClientId())
            .authorizationGrantType(new AuthorizationGrantType((String) row.get("grant_type")))
            .authorizedScopes(Scopes.split((String) row.get("authorized_scopes")));
        String request = (String) row.get("request");
        if (request != null) {
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), this.codec.readRequest(request));
        }
        Map<String, Object> attributes = this.codec.readAttributes((String) row.get("attributes"));
        attributes.forEach(builder::attribute);
        if (orcid != null && !attributes.containsKey(Principal.class.getName())) {
            builder.attribute(Principal.class.getName(), this.codec.researcherPrincipal(orcid));
        }
        builder.attribute(STORED, this.family.addTo(builder, id, presentedHash, presentedValue));
        return builder.build();
    }
}
