package org.orrery.oauth;

import org.orrery.lifecycle.InactiveRecordAuthorizeFilter;
import org.orrery.lifecycle.RecordLifecycle;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import org.orrery.audit.AuditTrail;
import org.orrery.registry.ResearcherRepository;
import org.orrery.throttle.RateLimiter;
import org.orrery.system.MaskedCsrfTokenHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The authorization server, customised only through its extension points: ORCID's endpoint paths, hashed
 * storage, ORCID-shaped codes, tokens, responses and errors, exact redirect-URI matching and a CSRF-protected
 * consent decision, and a rate limit per client on the token endpoint.
 */
@Configuration
@EnableConfigurationProperties(OrreryProperties.class)
class AuthorizationServerConfig {

    static final String AUTHORIZE = "/oauth/authorize";

    static final String TOKEN = "/oauth/token";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OrreryProperties properties) {
        return AuthorizationServerSettings.builder()
            .issuer(properties.baseUrl())
            .authorizationEndpoint(AUTHORIZE)
            .tokenEndpoint(TOKEN)
            .tokenRevocationEndpoint("/oauth/revoke")
            .tokenIntrospectionEndpoint("/oauth/introspect")
            .jwkSetEndpoint("/oauth/jwks")
            .oidcUserInfoEndpoint("/oauth/userinfo")
            .build();
    }

    /** Runs before Spring Security so the API faces' token paths reach the token endpoint. */
    @Bean
    FilterRegistrationBean<FaceTokenPathFilter> faceTokenPathFilter() {
        var registration = new FilterRegistrationBean<>(new FaceTokenPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/oauth/token", "/pub/oauth/token");
        return registration;
    }

    @Bean
    FilterRegistrationBean<JwksCorsFilter> jwksCorsFilter() {
        var registration = new FilterRegistrationBean<>(new JwksCorsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/oauth/jwks");
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            HashedAuthorizationService authorizations, StoredTokens tokens, GrantConsentService consents,
            ResearcherRepository researchers,
            OrreryProperties properties, JwtGenerator idTokens, TrustedOrganizations trusted,
            ImplicitTokenIssuer implicitTokens, AuditTrail audit, RateLimiter limiter,
            org.orrery.clients.ClientStates clientStates, RecordLifecycle lifecycle) throws Exception {
        var codes = new AuthorizationCodeGenerator(properties.codeLength());
        var responder = new AuthorizationResponder(properties.baseUrl(), new UnparsedRequestRedirect(clients));
        var tokenErrors = new TokenErrorWriter();
        var validator = new AuthorizationRequestValidator();
        RequestMatcher tokenEndpoint = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(TOKEN),
                PathPatternRequestMatcher.withDefaults().matcher("/oauth/revoke"),
                PathPatternRequestMatcher.withDefaults().matcher("/oauth/introspect"));
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.registeredClientRepository(clients)
                .authorizationService(authorizations)
                .authorizationConsentService(consents)
                .tokenGenerator(new DelegatingOAuth2TokenGenerator(new OpaqueTokenGenerator(), idTokens))
                .clientAuthentication(clientAuth -> clientAuth
                    .authenticationProviders(providers -> providers.replaceAll(provider -> {
                        if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                            secrets.setPasswordEncoder(new ClientSecretMatcher());
                            return new PkceGuard(secrets, authorizations);
                        }
                        return provider;
                    }))
                    .errorResponseHandler(tokenErrors))
                .authorizationEndpoint(authorize -> authorize.consentPage("/oauth/consent")
                    .authorizationRequestConverters(converters -> converters.replaceAll(
                            converter -> converter instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter
                                    ? new ScopeNormalizingConverter(converter) : converter))
                    .authenticationProviders(providers -> providers.forEach(provider -> {
                        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                            request.setAuthenticationValidator(validator);
                            request.setAuthorizationCodeGenerator(codes);
                            request.setAuthorizationConsentRequired(context -> askForConsent(context, trusted, consents));
                        }
                        if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                            consent.setAuthorizationCodeGenerator(codes);
                        }
                    }))
                    .authorizationResponseHandler(responder)
                    .errorResponseHandler(responder))
                .tokenEndpoint(token -> token
                    .authenticationProviders(providers -> providers.replaceAll(provider -> {
                        if (provider instanceof OAuth2AuthorizationCodeAuthenticationProvider) {
                            return new RecordStateGrantGuard(new CodeExchangeProvider(provider, authorizations, audit),
                                    authorizations, lifecycle, CodeExchangeProvider.CODE);
                        }
                        if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider) {
                            return new ClientCredentialsGrantProvider(provider);
                        }
                        if (provider instanceof OAuth2RefreshTokenAuthenticationProvider) {
                            return new RecordStateGrantGuard(new RefreshTokenGrantProvider(authorizations,
                                    tokens, properties.refreshReuseGrace(), audit), authorizations, lifecycle,
                                    OAuth2TokenType.REFRESH_TOKEN);
                        }
                        return provider;
                    }))
                    .accessTokenResponseHandler(new TokenResponseWriter(authorizations, researchers, audit))
                    .errorResponseHandler(tokenErrors))
                .tokenRevocationEndpoint(revoke -> revoke
                    .authenticationProviders(providers -> providers.replaceAll(
                            provider -> provider instanceof OAuth2TokenRevocationAuthenticationProvider
                                    ? new TokenRevocationProvider(authorizations, tokens, audit) : provider))
                    .errorResponseHandler(tokenErrors))
                .tokenIntrospectionEndpoint(introspect -> introspect.errorResponseHandler(tokenErrors));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(tokenErrors, tokenEndpoint)
            .defaultAuthenticationEntryPointFor(new SignInEntryPoint(responder),
                    PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE)));
        // The framework leaves its endpoints out of CSRF protection; the consent decision is a form post by a
        // signed-in browser, so it gets the same protection as every other form. An authorization request sent by
        // POST (OpenID Connect Core §3.1.2.1) is no decision: it is told apart as the framework does, by the
        // parameters only a request carries, and needs no token (it is as harmless as the same request by GET).
        RequestMatcher consentDecision = new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, AUTHORIZE),
                request -> java.util.stream.Stream.of("response_type", "request_uri", "redirect_uri", "code_challenge",
                        "code_challenge_method").allMatch(name -> request.getParameter(name) == null));
        var consentCsrf = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        consentCsrf.setBeanName("consentCsrfFilter");
        consentCsrf.setRequestHandler(new MaskedCsrfTokenHandler());
        consentCsrf.setRequireCsrfProtectionMatcher(consentDecision);
        http.addFilterBefore(consentCsrf, AuthorizationFilter.class);
        // A locked or deactivated client, read fresh: before the implicit flow and the sign-in redirect...
        http.addFilterAfter(ClientStateFilter.atAuthorize(clientStates,
                PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE)), SecurityContextHolderFilter.class);
        // ... and at the token endpoint once the client has authenticated.
        http.addFilterBefore(ClientStateFilter.atToken(clientStates,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TOKEN)), AuthorizationFilter.class);
        // A researcher whose record is not active cannot authorize applications (ORCID §5.6).
        http.addFilterAfter(new InactiveRecordAuthorizeFilter(lifecycle, AUTHORIZE), SecurityContextHolderFilter.class);
        http.addFilterAfter(new ImplicitGrantFilter(clients, trusted, implicitTokens),
                SecurityContextHolderFilter.class);
        http.addFilterBefore(new ReauthenticationFilter(researchers),
                AuthorizationFilter.class);
        // After client authentication (which the configurer places before authorization), before the endpoint.
        http.addFilterBefore(new TokenRateLimitFilter(limiter,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TOKEN)), AuthorizationFilter.class);
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(
                    ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The consent screen is skipped when ORCID would auto-approve, unless {@code prompt=confirm} asks for it; and
     * for a sandbox's browser-less request, whose consent is recorded here as if given on the screen.
     */
    private static boolean askForConsent(OAuth2AuthorizationCodeRequestAuthenticationContext context,
            TrustedOrganizations trusted, GrantConsentService consents) {
        var request = context.getAuthorizationRequest();
        if (SandboxConsent.isGiven()) {
            var principal = (Authentication) context.getAuthentication().getPrincipal();
            consents.save(org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent
                .withId(context.getRegisteredClient().getId(), principal.getName())
                .authorities(authorities -> request.getScopes().forEach(scope -> authorities
                    .add(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_" + scope))))
                .build());
            return false;
        }
        Object prompt = request.getAdditionalParameters().get("prompt");
        if (prompt != null && prompt.toString().contains("confirm")) {
            return true;
        }
        var principal = (Authentication) context.getAuthentication().getPrincipal();
        return !trusted.remembers(principal.getName(), context.getRegisteredClient().getClientId(), request.getScopes());
    }
}
