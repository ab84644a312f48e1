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

import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits of the API faces (security rule 10), after the bearer token is resolved: a token's client is
 * limited by its type, a caller without a token by its source address. Past the burst: 503 with
 * {@code Retry-After} and ORCID's error body. ORCID has no error code of its own for this; the body uses 9000,
 * ORCID's "There was an error connecting to ORCID".
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    private final JsonMapper json = JsonMapper.builder().build();

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
        long wait = admission.retryAfterSeconds();
        var error = new OrcidError(503, "503 Service Unavailable: Too many requests. Full validation error: " + who
                + " may make " + admission.limit().describe() + (clientId != null ? "" : " from one address")
                + "; retry after " + wait + (wait == 1 ? " second." : " seconds."),
                "Too many requests. Please slow down and try again in a moment.", 9000);
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(wait));
        response.setContentType("application/vnd.orcid+json;charset=UTF-8");
        response.getWriter().write(this.json.writeValueAsString(error.toJson()));
    }
}
