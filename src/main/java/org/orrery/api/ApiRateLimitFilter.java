package org.orrery.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.ClientType;
import org.orrery.oauth.AccessTokenIntrospector;
import org.orrery.throttle.RateLimiter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the API faces (security rule 10), after the bearer token is resolved: a token's client is
 * limited by its type, a caller without a token by its source address. Past the burst: 503 with
 * {@code Retry-After} and ORCID's error body, in the negotiated format.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    ApiRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = null;
        ClientType type = null;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication token) {
            Map<String, Object> attributes = token.getTokenAttributes();
            clientId = (String) attributes.get(AccessTokenIntrospector.CLIENT_ID);
            type = (ClientType) attributes.get(AccessTokenIntrospector.CLIENT_TYPE);
        }
        RateLimiter.Admission admission = this.limiter.admit(
                clientId != null ? "api:client:" + clientId : "api:address:" + request.getRemoteAddr(), type);
        if (admission.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        String who = clientId != null ? "The client " + clientId : "A caller without a token";
        String limit = admission.limit().describe() + (clientId != null ? "" : " from one address");
        response.setHeader("Retry-After", String.valueOf(admission.retryAfterSeconds()));
        ApiErrorWriter.write(request, response,
                OrcidError.tooManyRequests(who, limit, admission.retryAfterSeconds()));
    }
}
