package org.orrery.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import org.orrery.clients.SecretHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * Writes an authorization's own row ({@code oauth_authorization}): its scopes, the hash of its consent state, the
 * request and simple attributes as JSON, and when its last token expires. Its tokens are rows of their own.
 */
class AuthorizationRows {

    private final JdbcTemplate jdbc;

    private final AuthorizationAttributesCodec codec;

    AuthorizationRows(JdbcTemplate jdbc, AuthorizationAttributesCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Inserts the row of an authorization this node has just made. */
    void insert(OAuth2Authorization authorization) {
        Values values = valuesOf(authorization);
        String orcid = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
                ? null : authorization.getPrincipalName();
        this.jdbc.update(
                "INSERT INTO oauth_authorization (id, client_id, orcid, grant_type, authorized_scopes, state_hash,"
                        + " request, attributes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                authorization.getId(), authorization.getRegisteredClientId(), orcid,
                authorization.getAuthorizationGrantType().getValue(), values.scopes(), values.stateHash(),
                values.request(), values.attributes(), Timestamp.from(Instant.now()), values.expiresAt());
    }

    /** Updates the row of a stored authorization; false when it is not there (any more). */
    boolean update(OAuth2Authorization authorization) {
        Values values = valuesOf(authorization);
        return this.jdbc.update(
                "UPDATE oauth_authorization SET authorized_scopes = ?, state_hash = ?, request = ?, attributes = ?,"
                        + " expires_at = ? WHERE id = ?",
                values.scopes(), values.stateHash(), values.request(), values.attributes(), values.expiresAt(),
                authorization.getId()) == 1;
    }

    private Values valuesOf(OAuth2Authorization authorization) {
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return new Values(String.join(" ", authorization.getAuthorizedScopes()),
                state == null ? null : SecretHasher.sha256(state),
                request == null ? null : this.codec.writeRequest(request),
                this.codec.writeAttributes(authorization.getAttributes()),
                Timestamp.from(latestExpiry(authorization)));
    }

    private static Instant latestExpiry(OAuth2Authorization authorization) {
        Instant latest = Instant.now().plusSeconds(600);
        for (OAuth2Authorization.Token<?> token : Arrays.asList(authorization.getToken(OAuth2AuthorizationCode.class),
                authorization.getAccessToken(), authorization.getRefreshToken())) {
            if (token != null && token.getToken().getExpiresAt() != null
                    && token.getToken().getExpiresAt().isAfter(latest)) {
                latest = token.getToken().getExpiresAt();
            }
        }
        return latest;
    }

    private record Values(String scopes, String stateHash, String request, String attributes, Timestamp expiresAt) {
    }
}
