package org.orrery.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.orrery.clients.ClientType;
import org.orrery.registry.ResearcherRepository;
import org.orrery.twofactor.SecondFactor;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * ORCID's ID token claims: {@code sub} the iD, {@code exp} 24 hours after {@code iat}, {@code jti},
 * {@code at_hash}, {@code auth_time} (the last sign-in), {@code amr} for member clients only ({@code ["mfa"]} when
 * the account has two-factor sign-in on, as ORCID decides it, else {@code ["pwd"]}; an array, as OpenID Connect
 * Core §2 defines the claim, where ORCID sends a bare string), and the researcher's public names.
 */
final class IdTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final Duration LIFETIME = Duration.ofHours(24);

    private final ResearcherRepository researchers;

    private final SecondFactor secondFactor;

    IdTokenClaims(ResearcherRepository researchers, SecondFactor secondFactor) {
        this.researchers = researchers;
        this.secondFactor = secondFactor;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        var claims = context.getClaims();
        var issuedAt = java.time.Instant.now();
        claims.issuedAt(issuedAt).expiresAt(issuedAt.plus(LIFETIME)).id(UUID.randomUUID().toString());
        var authorization = context.getAuthorization();
        if (authorization != null && !claims.build().hasClaim(OidcParameterNames.NONCE)) {
            // The framework carries the nonce of code-flow requests only; the implicit flow's is added here.
            OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
            Object nonce = request == null ? null : request.getAdditionalParameters().get(OidcParameterNames.NONCE);
            if (nonce != null) {
                claims.claim(OidcParameterNames.NONCE, nonce);
            }
        }
        if (authorization != null && authorization.getAccessToken() != null) {
            claims.claim("at_hash", leftHalfHash(authorization.getAccessToken().getToken().getTokenValue()));
        }
        if (context.getRegisteredClient().getClientSettings()
            .getSetting(ClientRegistrationRepository.CLIENT_TYPE_SETTING) != ClientType.PUBLIC) {
            claims.claim("amr", java.util.List.of(
                    this.secondFactor.enabledFor(context.getPrincipal().getName()) ? "mfa" : "pwd"));
        }
        String orcid = context.getPrincipal().getName();
        this.researchers.findByOrcid(orcid).ifPresent(researcher -> {
            claims.claim("given_name", researcher.givenNames());
            if (researcher.familyName() != null) {
                claims.claim("family_name", researcher.familyName());
            }
            if (researcher.creditName() != null) {
                claims.claim("name", researcher.creditName());
            }
        });
        this.researchers.lastSignedIn(orcid).ifPresent(when -> claims.claim("auth_time", when.getEpochSecond()));
    }

    /** OpenID Connect Core §3.1.3.6: base64url of the left half of the SHA-256 of the access token. */
    static String leftHalfHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
