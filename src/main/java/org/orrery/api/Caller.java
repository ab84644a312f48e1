package org.orrery.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.orrery.clients.ClientType;
import org.orrery.clients.Scopes;
import org.orrery.oauth.AccessTokenIntrospector;
import org.orrery.record.ReadAccess;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/**
 * Who calls the API: which face (public or member), which client, which researcher the token is bound to, and
 * the token's expanded scopes. The member API refuses public clients (401/9017), tokens bound to another
 * record (401/9017) and tokens without {@code /read-public} (403/9038).
 */
record Caller(boolean publicApi, String clientId, ClientType clientType, String tokenOrcid, Set<String> scopes) {

    static Caller of(boolean publicApi, Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthentication token)) {
            return new Caller(publicApi, null, null, null, Set.of());
        }
        Map<String, Object> attributes = token.getTokenAttributes();
        Set<String> scopes = token.getAuthorities()
            .stream()
            .map(authority -> authority.getAuthority())
            .filter(authority -> authority.startsWith("SCOPE_"))
            .map(authority -> authority.substring("SCOPE_".length()))
            .collect(Collectors.toUnmodifiableSet());
        return new Caller(publicApi, (String) attributes.get(AccessTokenIntrospector.CLIENT_ID),
                (ClientType) attributes.get(AccessTokenIntrospector.CLIENT_TYPE),
                (String) attributes.get(AccessTokenIntrospector.ORCID), scopes);
    }

    /** Checks that a member-API caller may touch this record at all. */
    void checkMemberAccess(String orcid) {
        if (this.publicApi) {
            return;
        }
        if (this.clientId == null) {
            throw new ApiException(OrcidError.missingScope(Scopes.READ_PUBLIC));
        }
        if (this.clientType == ClientType.PUBLIC) {
            throw new ApiException(OrcidError.clientForbidden());
        }
        if (this.tokenOrcid != null && !this.tokenOrcid.equals(orcid)) {
            throw new ApiException(OrcidError.wrongRecord());
        }
    }

    void requireAnyScope(List<String> wanted) {
        for (String scope : wanted) {
            if (this.scopes.contains(scope)) {
                return;
            }
        }
        throw new ApiException(OrcidError.missingScope(wanted.get(0)));
    }

    /** Writes need a token bound to this researcher (three-legged) with one of the scopes. */
    void requireWrite(String orcid, List<String> wanted) {
        checkMemberAccess(orcid);
        if (this.tokenOrcid == null) {
            throw new ApiException(OrcidError.missingScope(wanted.get(0)));
        }
        requireAnyScope(wanted);
    }

    ReadAccess access() {
        return this.publicApi ? ReadAccess.publicApi() : ReadAccess.member(this.clientId, this.scopes);
    }
}
