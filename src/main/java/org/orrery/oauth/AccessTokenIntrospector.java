package org.orrery.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.clients.ClientType;
import org.orrery.clients.Scopes;
import org.orrery.clients.SecretHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves a bearer token presented to the API: one indexed lookup by the token's hash. The principal carries
 * the researcher's iD ({@value #ORCID}, absent for two-legged tokens), the client ({@value #CLIENT_ID},
 * {@value #CLIENT_TYPE}) and the granted scopes, with authorities {@code SCOPE_x} for every expanded scope.
 */
@Component
public class AccessTokenIntrospector implements OpaqueTokenIntrospector {

    public static final String ORCID = "orcid";

    public static final String CLIENT_ID = "client_id";

    public static final String CLIENT_TYPE = "client_type";

    public static final String SCOPES = "scope";

    /** The lookup of a presented token: parameters are its hash, the token kind and the current time. */
    public static final String LOOKUP = "SELECT t.scopes, a.orcid, a.client_id, c.client_type FROM oauth_token t"
            + " JOIN oauth_authorization a ON a.id = t.authorization_id"
            + " JOIN api_client c ON c.client_id = a.client_id"
            + " WHERE t.token_hash = ? AND t.token_kind = ? AND t.invalidated = FALSE AND t.expires_at > ?"
            + " AND c.client_state = 'ACTIVE'"; // a locked or deactivated client's tokens are refused at once

    private final JdbcTemplate jdbc;

    public AccessTokenIntrospector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        List<Map<String, Object>> rows = this.jdbc.queryForList(LOOKUP, SecretHasher.sha256(token),
                HashedAuthorizationService.KIND_ACCESS, Timestamp.from(Instant.now()));
        if (rows.isEmpty()) {
            throw new BadOpaqueTokenException("Invalid access token: " + token);
        }
        Map<String, Object> row = rows.get(0);
        Set<String> scopes = Scopes.split((String) row.get("scopes"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String scope : Scopes.expand(scopes)) {
            authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        Map<String, Object> attributes = new HashMap<>();
        if (row.get("orcid") != null) {
            attributes.put(ORCID, row.get("orcid"));
        }
        attributes.put(CLIENT_ID, row.get("client_id"));
        attributes.put(CLIENT_TYPE, ClientType.valueOf((String) row.get("client_type")));
        attributes.put(SCOPES, List.copyOf(scopes));
        String name = row.get("orcid") != null ? (String) row.get("orcid") : (String) row.get("client_id");
        return new DefaultOAuth2AuthenticatedPrincipal(name, attributes, authorities);
    }
}
