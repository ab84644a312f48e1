package org.orrery.oauth;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * {@code POST /oauth/revoke} with ORCID's answers (RFC 7009): revoking an access token revokes its refresh token
 * and the other way round; an unknown token, an already revoked one, or another client's token is answered
 * with the same empty 200 and left as it is. A revocation goes on the audit trail.
 */
final class TokenRevocationProvider implements AuthenticationProvider {

    private final HashedAuthorizationService authorizations;

    private final StoredTokens tokens;

    private final AuditTrail audit;

    TokenRevocationProvider(HashedAuthorizationService authorizations, StoredTokens tokens, AuditTrail audit) {
        this.authorizations = authorizations;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2TokenRevocationAuthenticationToken) authentication;
        var client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
        var stored = this.tokens.findStored(request.getToken()).orElse(null);
        if (stored != null && !HashedAuthorizationService.KIND_CODE.equals(stored.kind())) {
            OAuth2Authorization authorization = this.authorizations.findById(stored.authorizationId());
            if (authorization != null
                    && authorization.getRegisteredClientId().equals(client.getRegisteredClient().getId())) {
                this.tokens.revokeWithPair(stored.hash(), RevokeReason.CLIENT_REVOKED);
                this.audit.record(AuditEventType.TOKEN_REVOKED, HashedAuthorizationService.researcherOf(authorization),
                        authorization.getRegisteredClientId(), RevokeReason.CLIENT_REVOKED.name(), stored.kind() + " token");
            }
        }
        // The endpoint answers 200 with an empty body whatever was found, as ORCID and RFC 7009 §2.2 do.
        return request;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
