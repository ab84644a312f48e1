package org.orrery.oauth;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.clients.Scopes;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * The refresh token grant with ORCID's semantics (compat spec §6) and rotation (RFC 9700 §4.14):
 * <ul>
 * <li>the refresh token must belong to the calling client, and its parent access token (the one issued with it)
 * must be neither expired nor revoked;</li>
 * <li>{@code scope} may narrow the parent's scopes; {@code expires_in} may shorten, never extend, the parent's
 * lifetime;</li>
 * <li>every refresh issues a new access token and a new refresh token; the used refresh token stops working;
 * {@code revoke_old} (default true) also revokes the parent access token;</li>
 * <li>a used refresh token presented again within the grace window (concurrent refreshes) is honoured once more;
 * after it, the whole family (every token of the grant) is revoked, and that goes on the audit trail.</li>
 * </ul>
 */
final class RefreshTokenGrantProvider implements AuthenticationProvider {

    private final HashedAuthorizationService authorizations;

    private final StoredTokens tokens;

    private final Duration reuseGrace;

    private final AuditTrail audit;

    RefreshTokenGrantProvider(HashedAuthorizationService authorizations, StoredTokens tokens, Duration reuseGrace,
            AuditTrail audit) {
        this.authorizations = authorizations;
        this.tokens = tokens;
        this.reuseGrace = reuseGrace;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        var client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
        String presented = request.getRefreshToken();
        var stored = this.tokens.findStored(presented)
            .filter(token -> HashedAuthorizationService.KIND_REFRESH.equals(token.kind()))
            .orElseThrow(() -> error(OAuth2ErrorCodes.INVALID_GRANT, "Unable to find refresh token"));
        OAuth2Authorization authorization = this.authorizations.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
        if (authorization == null) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Unable to find refresh token");
        }
        if (!client.getRegisteredClient().getId().equals(authorization.getRegisteredClientId())) {
            // RFC 6749 §5.2: a grant "issued to another client" is invalid_grant (ORCID answers invalid_request).
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "This token does not belong to the given client");
        }
        if (stored.invalidated()) {
            boolean concurrent = RevokeReason.ROTATED.name().equals(stored.revokeReason()) && stored.revokedAt() != null
                    && stored.revokedAt().plus(this.reuseGrace).isAfter(Instant.now());
            if (!concurrent) {
                if (RevokeReason.ROTATED.name().equals(stored.revokeReason())) {
                    this.tokens.revokeTokens(authorization.getId(), RevokeReason.REFRESH_TOKEN_REUSED);
                    this.audit.record(AuditEventType.TOKEN_REVOKED, HashedAuthorizationService.researcherOf(authorization),
                            authorization.getRegisteredClientId(), RevokeReason.REFRESH_TOKEN_REUSED.name(), null);
                    throw error(OAuth2ErrorCodes.INVALID_GRANT,
                            "Refresh token was already used: every token of this grant has been revoked");
                }
                throw error(OAuth2ErrorCodes.INVALID_GRANT, "Parent token is disabled");
            }
        }
        if (stored.expiresAt().isBefore(Instant.now())) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Refresh token expired");
        }
        var parent = stored.pairHash() == null ? null
                : this.tokens.findStoredByHash(stored.pairHash()).orElse(null);
        if (parent != null && parent.expiresAt().isBefore(Instant.now())) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Access token expired: " + parent.expiresAt());
        }
        if (parent != null && parent.invalidated() && !RevokeReason.ROTATED.name().equals(parent.revokeReason())) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Parent token is disabled");
        }
        Set<String> scopes = scopes(request, parent != null ? parent.scopes() : authorization.getAuthorizedScopes());
        Instant parentExpiry = parent != null ? parent.expiresAt() : stored.expiresAt();
        Instant expiresAt = expiry(request, parentExpiry);
        Instant now = Instant.now();
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, UUID.randomUUID().toString(), now,
                expiresAt, scopes);
        var refreshToken = new OAuth2RefreshToken(UUID.randomUUID().toString(), now, expiresAt);
        OAuth2Authorization refreshed = OAuth2Authorization.from(authorization)
            .token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false))
            .token(refreshToken, metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false))
            .build();
        this.authorizations.saveRefreshed(refreshed);
        if (revokeOld(request) && parent != null) {
            this.tokens.revokeAccessToken(parent.hash(), RevokeReason.ROTATED);
        }
        Map<String, Object> parameters = new HashMap<>();
        if (authorization.getAttribute(java.security.Principal.class.getName()) != null) {
            parameters.put(CodeExchangeProvider.ORCID_PARAMETER, authorization.getPrincipalName());
        }
        return new OAuth2AccessTokenAuthenticationToken(client.getRegisteredClient(), client, accessToken, refreshToken,
                parameters);
    }

    /** The parent's scopes when none are asked; otherwise the asked ones, each within the parent's expanded set. */
    private static Set<String> scopes(OAuth2RefreshTokenAuthenticationToken request, Set<String> parentScopes) {
        Set<String> allowed = Scopes.expand(parentScopes);
        Set<String> asked = ScopeNormalizingConverter.normalizeKeepingAll(request.getScopes());
        for (String scope : asked) {
            if (!allowed.contains(scope)) {
                throw error(OAuth2ErrorCodes.INVALID_SCOPE, "The given scope '" + scope + "' is not allowed for the parent token");
            }
        }
        return asked.isEmpty() ? new LinkedHashSet<>(parentScopes) : asked;
    }

    private static Instant expiry(OAuth2RefreshTokenAuthenticationToken request, Instant parentExpiry) {
        Object value = request.getAdditionalParameters().get("expires_in");
        if (value == null || value.toString().isBlank()) {
            return parentExpiry;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.toString().trim());
        }
        catch (NumberFormatException ex) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, value + " is not a number");
        }
        if (seconds <= 0) {
            return parentExpiry;
        }
        Instant wanted = Instant.now().plusSeconds(seconds);
        if (wanted.isAfter(parentExpiry)) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "Token expiration can't be after " + DateTimeFormatter.ISO_INSTANT.format(parentExpiry));
        }
        return wanted;
    }

    private static boolean revokeOld(OAuth2RefreshTokenAuthenticationToken request) {
        Object value = request.getAdditionalParameters().get("revoke_old");
        return value == null || !"false".equalsIgnoreCase(value.toString().trim());
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
