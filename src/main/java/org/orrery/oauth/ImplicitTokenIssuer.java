package org.orrery.oauth;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Issues implicit-flow tokens: a 600-second access token (ORCID's implicit lifetime), stored hashed like every
 * other, and with {@code openid} an ID token; both go back in the redirect URI's fragment with {@code state} and
 * {@code iss}. The researcher's decision is recorded as their grant to the client.
 */
@Component
class ImplicitTokenIssuer {

    static final Duration LIFETIME = Duration.ofSeconds(600);

    static final AuthorizationGrantType IMPLICIT = new AuthorizationGrantType("implicit");

    private final RegisteredClientRepository clients;

    private final HashedAuthorizationService authorizations;

    private final GrantConsentService grants;

    private final JwtGenerator idTokens;

    private final AuthorizationServerSettings settings;

    ImplicitTokenIssuer(RegisteredClientRepository clients, HashedAuthorizationService authorizations,
            GrantConsentService grants, JwtGenerator idTokens, AuthorizationServerSettings settings) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.grants = grants;
        this.idTokens = idTokens;
        this.settings = settings;
    }

    void issue(ImplicitRequest request, Authentication researcher, HttpServletResponse response) {
        var client = this.clients.findByClientId(request.clientId());
        Instant now = Instant.now();
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, UUID.randomUUID().toString(), now,
                now.plus(LIFETIME), request.scopes());
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (request.nonce() != null) {
            parameters.put(OidcParameterNames.NONCE, request.nonce());
        }
        // Kept for the ID token nonce and the redirect URI; the framework models only code-flow requests.
        var authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri(this.settings.getIssuer() + AuthorizationServerConfig.AUTHORIZE)
            .clientId(request.clientId())
            .redirectUri(request.redirectUri())
            .scopes(request.scopes())
            .state(request.state())
            .additionalParameters(parameters)
            .build();
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
            .principalName(researcher.getName())
            .authorizationGrantType(IMPLICIT)
            .authorizedScopes(request.scopes())
            .attribute(Principal.class.getName(), researcher)
            .attribute(OAuth2AuthorizationRequest.class.getName(), authorizationRequest)
            .token(accessToken)
            .build();
        this.authorizations.save(authorization);
        this.grants.save(OAuth2AuthorizationConsent.withId(client.getId(), researcher.getName())
            .authorities(authorities -> request.scopes()
                .forEach(scope -> authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_" + scope))))
            .build());

        Map<String, String> fragment = new LinkedHashMap<>();
        fragment.put("access_token", accessToken.getTokenValue());
        fragment.put("token_type", "bearer");
        fragment.put("expires_in", String.valueOf(LIFETIME.getSeconds()));
        fragment.put("scope", String.join(" ", request.scopes()));
        if (request.idToken()) {
            fragment.put("id_token", idToken(client, researcher, authorization).getTokenValue());
        }
        if (request.state() != null) {
            fragment.put("state", request.state());
        }
        fragment.put("iss", this.settings.getIssuer());
        redirect(response, request.redirectUri(), fragment);
    }

    private Jwt idToken(org.springframework.security.oauth2.server.authorization.client.RegisteredClient client,
            Authentication researcher, OAuth2Authorization authorization) {
        AuthorizationServerSettings serverSettings = this.settings;
        var context = DefaultOAuth2TokenContext.builder()
            .registeredClient(client)
            .principal(researcher)
            .authorizationServerContext(new AuthorizationServerContext() {
                @Override
                public String getIssuer() {
                    return serverSettings.getIssuer();
                }

                @Override
                public AuthorizationServerSettings getAuthorizationServerSettings() {
                    return serverSettings;
                }
            })
            .authorization(authorization)
            .authorizedScopes(authorization.getAuthorizedScopes())
            .tokenType(new OAuth2TokenType(OidcParameterNames.ID_TOKEN))
            .authorizationGrantType(IMPLICIT)
            .build();
        return this.idTokens.generate(context);
    }

    /** An error in the fragment of a validated redirect URI, as the implicit flow answers. */
    static void redirectWithError(HttpServletResponse response, String redirectUri, String error, String description,
            String state) {
        Map<String, String> fragment = new LinkedHashMap<>();
        fragment.put("error", error);
        if (description != null) {
            fragment.put("error_description", description);
        }
        if (state != null) {
            fragment.put("state", state);
        }
        redirect(response, redirectUri, fragment);
    }

    private static void redirect(HttpServletResponse response, String redirectUri, Map<String, String> fragment) {
        StringBuilder location = new StringBuilder(redirectUri).append('#');
        fragment.forEach((name, value) -> location.append(name).append('=')
            .append(UriUtils.encode(value, StandardCharsets.UTF_8)).append('&'));
        location.setLength(location.length() - 1);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location.toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
