package org.orrery.web;

import org.orrery.lifecycle.LifecyclePages;
import org.orrery.lifecycle.RecordLifecycle;

import org.orrery.audit.AuditTrail;
import org.orrery.registry.ResearcherRepository;
import org.orrery.registry.ResearcherUserDetailsService;
import org.orrery.system.MaskedCsrfTokenHandler;
import org.orrery.throttle.SignInThrottle;
import org.orrery.twofactor.SecondFactor;
import org.orrery.twofactor.TwoFactorSignIn;
import org.orrery.twofactor.TwoFactorSignInFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The registry's pages: sign-in with email or iD, throttled after failures, CSRF on every form, no framing, and
 * 303 after every credential post (security rules 8, 9 and 10).
 */
@Configuration
class WebSecurityConfig {

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, ResearcherRepository researchers,
            ResearcherUserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle, AuditTrail audit,
            SecondFactor secondFactor, @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers,
            RecordLifecycle lifecycle) throws Exception {
        var seeOther = new DefaultRedirectStrategy();
        seeOther.setStatusCode(HttpStatus.SEE_OTHER);
        var signedIn = new SignInSuccessHandler(researchers, seeOther, audit, secondFactor);
        var failed = new SignInFailureHandler(seeOther, audit);
        var passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        passwordCheck.setUserDetailsPasswordService(users); // re-hashes under the current settings on sign-in
        // The only way in: no parent manager that could check a password past the throttle.
        http.authenticationManager(new ProviderManager(new ThrottledSignInProvider(passwordCheck, throttle, users,
                lifecycle)));
        var signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setRedirectStrategy(seeOther);
        signedOut.setDefaultTargetUrl("/signin?signedOut");
        RequestMatcher knownPage = new KnownPageMatcher(controllers);
        var signInOrNotFound = DelegatingAuthenticationEntryPoint.builder()
            .addEntryPointFor((request, response, ex) -> response.sendError(HttpStatus.NOT_FOUND.value()),
                    new NegatedRequestMatcher(knownPage))
            .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin"))
            .build();
        var returnTo = new HttpSessionRequestCache();
        returnTo.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")),
                knownPage));
        // the second step of a sign-in with two-factor on (a code page that only a half-done sign-in can use)
        http.addFilterBefore(TwoFactorSignInFilter.create(secondFactor, throttle, users, audit, signedIn, seeOther),
                UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/signin", TwoFactorSignIn.PAGE, "/register", "/oauth/error", "/error", "/css/**", "/js/**",
                    "/favicon.ico",
                    "/demo/callback", "/actuator/health", "/actuator/health/**", "/actuator/info",
                    "/.well-known/openid-configuration", "/oauth/userinfo", PublicRecordController.PATTERN,
                    "/orcid-search/search", "/orcid-search/search/")
            .permitAll()
            .requestMatchers("/admin/audit-events")
            .permitAll()
            .requestMatchers(LifecyclePages.PUBLIC_PATHS)
            .permitAll()
            // accounts: mailed links work signed in or not; the operator's outbox answers its bearer token only
            .requestMatchers("/reset-password", "/reset-password/*", "/verify-email/*", "/admin/mail-outbox",
                    "/sandbox/mail", "/sandbox/mail/*")
            .permitAll()
            .requestMatchers("/actuator/prometheus") // the operator token, checked by org.orrery.metrics
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
            // userinfo is an API answered for bearer tokens, not a form
            .csrf(csrf -> csrf.csrfTokenRequestHandler(new MaskedCsrfTokenHandler())
                .ignoringRequestMatchers("/oauth/userinfo"))
            .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(signedOut))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInOrNotFound))
            .requestCache(cache -> cache.requestCache(returnTo))
            .headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'; default-src 'self'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
