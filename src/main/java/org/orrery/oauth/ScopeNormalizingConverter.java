package org.orrery.oauth;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.clients.Scopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads scopes the way ORCID does: values separated by spaces or {@code +}, trimmed, runs collapsed, and the
 * OpenID Connect scopes ORCID does not use ({@code profile}, {@code email}, ...) silently dropped. Wraps the
 * authorization server's own converter, which does all the protocol parsing.
 */
final class ScopeNormalizingConverter implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    ScopeNormalizingConverter(AuthenticationConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = this.delegate.convert(request);
        if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token)) {
            return converted;
        }
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(token.getAuthorizationUri(), token.getClientId(),
                (Authentication) token.getPrincipal(), token.getRedirectUri(), token.getState(),
                normalize(token.getScopes()), token.getAdditionalParameters());
    }

    /** ORCID's reading of an authorization request's scopes: split, trimmed, unused OIDC scopes dropped. */
    static Set<String> normalize(Set<String> requested) {
        Set<String> scopes = normalizeKeepingAll(requested);
        scopes.removeAll(Scopes.IGNORED_OIDC_SCOPES);
        return scopes;
    }

    /** Splits on spaces and {@code +}, trims, drops empty values; keeps every scope string. */
    static Set<String> normalizeKeepingAll(Set<String> requested) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String value : requested) {
            for (String scope : value.trim().split("[\\s+]+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }
}
