package org.orrery.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The registry's pages: sign-in with email or iD, CSRF on every form, no framing, and 303 after every
 * credential post (security rules 8 and 9).
 */
@Configuration
class WebSecurityConfig {

    /** bcrypt, cost 10: a slow password hash for researchers' passwords. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        var seeOther = new DefaultRedirectStrategy();
        seeOther.setStatusCode(HttpStatus.SEE_OTHER);
        var signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setRedirectStrategy(seeOther);
        signedIn.setDefaultTargetUrl("/my-orcid");
        var failed = new SignInFailureHandler(seeOther);
        var signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setRedirectStrategy(seeOther);
        signedOut.setDefaultTargetUrl("/signin?signedOut");
        http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/signin", "/register", "/oauth/error", "/error", "/css/**", "/favicon.ico",
                    "/demo/callback", "/actuator/health", "/actuator/health/**", "/actuator/info",
                    PublicRecordController.PATTERN)
            .permitAll()
            .anyRequest()
            .authenticated())
            .formLogin(form -> form.loginPage("/signin")
                .loginProcessingUrl("/signin")
                .usernameParameter("userId")
                .passwordParameter("password")
                .successHandler(signedIn)
                .failureHandler(failed)
                .permitAll())
            .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(signedOut))
            .headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'; default-src 'self'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
