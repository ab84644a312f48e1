package org.orrery.oauth;

import org.orrery.registry.ResearcherRepository;
import org.orrery.system.MaskedCsrfTokenHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The authorization server, customised only through its extension points: ORCID's endpoint paths, hashed
 * storage, ORCID-shaped codes, tokens, responses and errors, exact redirect-URI matching and a CSRF-protected
 * consent decision.
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

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, GrantConsentService consents, ResearcherRepository researchers,
            OrreryProperties properties) throws Exception {
        var codes = new AuthorizationCodeGenerator(properties.codeLength());
        var responder = new AuthorizationResponder(properties.baseUrl());
        var tokenErrors = new TokenErrorWriter();
        var validator = new AuthorizationRequestValidator();
        RequestMatcher tokenEndpoint = PathPatternRequestMatcher.withDefaults().matcher(TOKEN);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.registeredClientRepository(clients)
                .authorizationService(authorizations)
                .authorizationConsentService(consents)
                .tokenGenerator(new DelegatingOAuth2TokenGenerator(new OpaqueTokenGenerator()))
                .clientAuthentication(clientAuth -> clientAuth
                    .authenticationProviders(providers -> providers.forEach(provider -> {
                        if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                            secrets.setPasswordEncoder(new ClientSecretMatcher());
                        }
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
                            request.setAuthorizationConsentRequired(context -> true);
                        }
                        if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                            consent.setAuthorizationCodeGenerator(codes);
                        }
                    }))
                    .authorizationResponseHandler(responder)
                    .errorResponseHandler(responder))
                .tokenEndpoint(token -> token
                    .authenticationProviders(providers -> providers.replaceAll(
                            provider -> provider instanceof OAuth2AuthorizationCodeAuthenticationProvider
                                    ? new CodeExchangeProvider(provider, authorizations) : provider))
                    .accessTokenResponseHandler(new TokenResponseWriter(authorizations, researchers))
                    .errorResponseHandler(tokenErrors));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(tokenErrors, tokenEndpoint)
            .defaultAuthenticationEntryPointFor(new SignInEntryPoint(),
                    PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE)));
        // The framework leaves its endpoints out of CSRF protection; the consent decision is a form post by a
        // signed-in browser, so it gets the same protection as every other form.
        var consentCsrf = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        consentCsrf.setBeanName("consentCsrfFilter");
        consentCsrf.setRequestHandler(new MaskedCsrfTokenHandler());
        consentCsrf.setRequireCsrfProtectionMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, AUTHORIZE));
        http.addFilterBefore(consentCsrf, org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
