package org.orrery.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.oauth.AccessTokenIntrospector;
import org.orrery.throttle.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * The v3.0 API faces: {@code /api} (member API) needs a bearer token, {@code /pub} (public API) also answers
 * anonymous callers. Tokens come in the {@code Authorization: Bearer} header or, as ORCID accepts, the
 * {@code access_token} query parameter. A bad token answers ORCID's OAuth-style 401. Callers are rate limited.
 */
@Configuration
class ApiSecurityConfig {

    private final JsonMapper json = JsonMapper.builder().build();

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokenIntrospector introspector, RateLimiter limiter)
            throws Exception {
        var tokens = new DefaultBearerTokenResolver();
        tokens.setAllowUriQueryParameter(true);
        http.securityMatcher("/api/**", "/pub/**")
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests.requestMatchers("/pub/**").permitAll()
                // ORCID's status endpoints answer anyone (wave-2 spec §4.4)
                .requestMatchers("/api/v3.0/status", "/api/v3.0/apiStatus").permitAll()
                .anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(tokens)
                .opaqueToken(opaque -> opaque.introspector(introspector))
                .authenticationEntryPoint((request, response, ex) -> invalidToken(request, response, ex, tokens)))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint((request, response, ex) -> invalidToken(request, response, ex, tokens)))
            .addFilterAfter(new ApiRateLimitFilter(limiter), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    private void invalidToken(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex,
            DefaultBearerTokenResolver tokens) throws IOException {
        String token;
        try {
            token = tokens.resolve(request);
        }
        catch (AuthenticationException malformed) {
            token = null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_token");
        body.put("error_description", token == null ? "Full authentication is required to access this resource"
                : "Invalid access token: " + token);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(this.json.writeValueAsString(body));
    }
}
