package org.orrery.oauth;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Generates access and refresh tokens as ORCID does: random UUIDs (122 random bits), opaque to clients.
 */
final class OpaqueTokenGenerator implements OAuth2TokenGenerator<OAuth2Token> {

    @Override
    public OAuth2Token generate(OAuth2TokenContext context) {
        Instant issuedAt = Instant.now();
        var settings = context.getRegisteredClient().getTokenSettings();
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, UUID.randomUUID().toString(), issuedAt,
                    issuedAt.plus(settings.getAccessTokenTimeToLive()), context.getAuthorizedScopes());
        }
        if (OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
            return new OAuth2RefreshToken(UUID.randomUUID().toString(), issuedAt,
                    issuedAt.plus(settings.getRefreshTokenTimeToLive()));
        }
        return null;
    }
}
