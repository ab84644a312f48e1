package org.orrery.oauth;

import org.orrery.lifecycle.RecordLifecycle;
import org.orrery.lifecycle.RecordState;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Refuses a code exchange or a refresh for a record that is not active (ORCID compat §5: 400
 * {@code unauthorized_client}), before the grant's own checks, so the answer names the record's state rather
 * than the revoked code or token.
 */
final class RecordStateGrantGuard implements AuthenticationProvider {

    /** How every refusal of this guard begins; the token error writer passes these through unchanged. */
    static final String DESCRIPTION_PREFIX = "The ORCID record ";

    private final AuthenticationProvider delegate;

    private final OAuth2AuthorizationService authorizations;

    private final RecordLifecycle lifecycle;

    private final OAuth2TokenType tokenType;

    RecordStateGrantGuard(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            RecordLifecycle lifecycle, OAuth2TokenType tokenType) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.lifecycle = lifecycle;
        this.tokenType = tokenType;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = authentication instanceof OAuth2AuthorizationCodeAuthenticationToken code ? code.getCode()
                : authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh ? refresh.getRefreshToken()
                        : null;
        OAuth2Authorization authorization = presented == null ? null
                : this.authorizations.findByToken(presented, this.tokenType);
        String orcid = authorization == null ? null : HashedAuthorizationService.researcherOf(authorization);
        if (orcid != null) {
            this.lifecycle.find(orcid).filter(state -> !state.isActive()).ifPresent(state -> {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, describe(state), null));
            });
        }
        return this.delegate.authenticate(authentication);
    }

    static String describe(RecordState state) {
        return switch (state.status()) {
            case LOCKED -> DESCRIPTION_PREFIX + state.orcid() + " is locked";
            case DEACTIVATED -> DESCRIPTION_PREFIX + state.orcid() + " is deactivated";
            case DEPRECATED -> DESCRIPTION_PREFIX + state.orcid() + " is deprecated; its primary record is "
                    + state.deprecatedInto();
            case ACTIVE -> DESCRIPTION_PREFIX + state.orcid() + " is active";
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return this.delegate.supports(authentication);
    }
}
