package org.orrery.oauth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.orrery.clients.Scopes;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * Two-legged tokens with ORCID's scope rules, in front of the authorization server's own provider: an unknown or
 * internal scope is refused (401, ORCID's message 9015); scopes that are not client-credentials scopes are
 * silently dropped; nothing left gives "Invalid scope (none)"; {@code /read-public} is always allowed and any
 * other scope must be configured for the client.
 */
final class ClientCredentialsGrantProvider implements AuthenticationProvider {

    static final String UNKNOWN_SCOPE_MESSAGE = "One of the provided scopes is not allowed. Please refer to the list"
            + " of allowed scopes at: https://github.com/ORCID/ORCID-Source/tree/master/orcid-model/src/main/resources/record_2.0#scopes."
            + " Provided scopes: ";

    private final AuthenticationProvider delegate;

    ClientCredentialsGrantProvider(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2ClientCredentialsAuthenticationToken) authentication;
        var client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
        Set<String> asked = ScopeNormalizingConverter.normalizeKeepingAll(request.getScopes());
        for (String scope : asked) {
            if (!Scopes.isKnown(scope) || Scopes.isInternal(scope)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
                        UNKNOWN_SCOPE_MESSAGE + String.join(",", asked), null));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String scope : asked) {
            if (Scopes.isClientCredentialsOnly(scope)) {
                kept.add(scope);
            }
        }
        if (kept.isEmpty()) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, "Invalid scope (none)", null));
        }
        Set<String> allowed = client.getRegisteredClient().getScopes();
        for (String scope : kept) {
            if (!Scopes.READ_PUBLIC.equals(scope) && !allowed.contains(scope)) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, "Invalid scope: " + scope, null));
            }
        }
        return this.delegate.authenticate(new OAuth2ClientCredentialsAuthenticationToken(client,
                new LinkedHashSet<>(kept), request.getAdditionalParameters()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientCredentialsAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
