package org.orrery.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The sandbox's own endpoints: no session and no CSRF token, since no browser cookie authenticates them (the
 * browser-less authorization authenticates the client as the token endpoint does, reset takes a bearer token or
 * a loopback caller, and the overview is a read-only page). Each controller answers 404 when sandbox mode is off.
 */
@Configuration
class SandboxSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain sandboxChain(HttpSecurity http) throws Exception {
        http.securityMatcher(SandboxAuthorizeController.PATH, SandboxResetController.PATH, SandboxPageController.PATH)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "frame-ancestors 'none'; default-src 'self'; style-src 'self' 'unsafe-inline'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
