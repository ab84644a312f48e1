package org.orrery.oauth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.ClientType;
import org.orrery.throttle.RateLimiter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits the token endpoint per client (security rule 10), once the client has authenticated, so that
 * nobody can spend another client's allowance by naming it. Past the burst: 503 with {@code Retry-After} and
 * {@code {"error":"temporarily_unavailable", "error_description":...}}.
 */
final class TokenRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    private final RequestMatcher tokenEndpoint;

    private final JsonMapper json = JsonMapper.builder().build();

    TokenRateLimitFilter(RateLimiter limiter, RequestMatcher tokenEndpoint) {
        this.limiter = limiter;
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!this.tokenEndpoint.matches(request)
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client)
                || client.getRegisteredClient() == null) {
            chain.doFilter(request, response);
            return;
        }
        String clientId = client.getRegisteredClient().getClientId();
        ClientType type = client.getRegisteredClient().getClientSettings()
            .getSetting(ClientRegistrationRepository.CLIENT_TYPE_SETTING);
        RateLimiter.Admission admission = this.limiter.admit("token:" + clientId, type);
        if (admission.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        long wait = admission.retryAfterSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "temporarily_unavailable");
        body.put("error_description", "Too many requests: the client " + clientId + " may make "
                + admission.limit().describe() + " to the token endpoint; retry after " + wait
                + (wait == 1 ? " second." : " seconds."));
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(wait));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(this.json.writeValueAsString(body));
    }
}
