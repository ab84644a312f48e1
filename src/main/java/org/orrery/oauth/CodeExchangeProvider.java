package org.orrery.oauth;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * The authorization code grant with ORCID's error descriptions, in front of the authorization server's own
 * provider (which issues the tokens and revokes them when a used code comes back).
 * <p>
 * Any failed redemption burns the code (RFC 9700 §4.5). {@code redirect_uri} may be omitted, as ORCID allows;
 * when sent it must equal the one of the authorization request. An optional {@code scope} must lie within the
 * code's scopes. The researcher's iD travels on to the token response. When a reused code revokes the tokens it
 * produced, that goes on the audit trail.
 */
final class CodeExchangeProvider implements AuthenticationProvider {

    static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    static final String ORCID_PARAMETER = "orcid";

    private final AuthenticationProvider delegate;

    private final OAuth2AuthorizationService authorizations;

    private final AuditTrail audit;

    CodeExchangeProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations, AuditTrail audit) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var exchange = (OAuth2AuthorizationCodeAuthenticationToken) authentication;
        String code = exchange.getCode();
        OAuth2Authorization authorization = this.authorizations.findByToken(code, CODE);
        if (authorization == null) {
            throw invalidGrant("Invalid authorization code: " + code);
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> codeToken = authorization.getToken(OAuth2AuthorizationCode.class);
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        var client = (OAuth2ClientAuthenticationToken) exchange.getPrincipal();
        var withRedirect = new OAuth2AuthorizationCodeAuthenticationToken(code, client, request.getRedirectUri(),
                exchange.getAdditionalParameters());
        if (codeToken.isInvalidated()) {
            redeemThroughDelegate(withRedirect, authorization);
        }
        if (!client.getRegisteredClient().getClientId().equals(request.getClientId())) {
            burn(authorization, codeToken);
            throw invalidGrant("Client ID mismatch");
        }
        String redirectUri = exchange.getRedirectUri();
        if (redirectUri != null && !redirectUri.equals(request.getRedirectUri())) {
            burn(authorization, codeToken);
            throw invalidGrant("Redirect URI mismatch.");
        }
        if (codeToken.isExpired()) {
            burn(authorization, codeToken);
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "Authorization code has expired", null));
        }
        Object scope = exchange.getAdditionalParameters().get(OAuth2ParameterNames.SCOPE);
        if (scope instanceof String requested && !requested.isBlank()) {
            Set<String> asked = new LinkedHashSet<>(ScopeNormalizingConverter.normalize(Set.of(requested)));
            if (!authorization.getAuthorizedScopes().containsAll(asked)) {
                burn(authorization, codeToken);
                asked.removeAll(authorization.getAuthorizedScopes());
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
                        "Invalid scopes: " + String.join(" ", asked) + " available scopes for this code are: "
                                + new TreeSet<>(authorization.getAuthorizedScopes()),
                        null));
            }
        }
        var issued = (OAuth2AccessTokenAuthenticationToken) redeemThroughDelegate(withRedirect, authorization);
        Map<String, Object> parameters = new HashMap<>(issued.getAdditionalParameters());
        parameters.put(ORCID_PARAMETER, authorization.getPrincipalName());
        return new OAuth2AccessTokenAuthenticationToken(issued.getRegisteredClient(),
                (Authentication) issued.getPrincipal(), issued.getAccessToken(), issued.getRefreshToken(), parameters);
    }

    private Authentication redeemThroughDelegate(OAuth2AuthorizationCodeAuthenticationToken exchange,
            OAuth2Authorization authorization) {
        try {
            return this.delegate.authenticate(exchange);
        }
        catch (OAuth2AuthenticationException ex) {
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
                // The framework found the code used (or lost a concurrent redemption) and revoked its tokens.
                String client = ((OAuth2ClientAuthenticationToken) exchange.getPrincipal()).getRegisteredClient().getId();
                if (client.equals(authorization.getRegisteredClientId()) && authorization.getAccessToken() != null) {
                    this.audit.record(AuditEventType.TOKEN_REVOKED, HashedAuthorizationService.researcherOf(authorization),
                            client, RevokeReason.AUTH_CODE_REUSED.name(), null);
                }
                throw invalidGrant("Reused authorization code: " + exchange.getCode());
            }
            throw ex;
        }
    }

    private void burn(OAuth2Authorization authorization, OAuth2Authorization.Token<OAuth2AuthorizationCode> code) {
        this.authorizations.save(OAuth2Authorization.from(authorization).invalidate(code.getToken()).build());
    }

    private static OAuth2AuthenticationException invalidGrant(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2AuthorizationCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
