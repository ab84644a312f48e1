package org.orrery.metrics;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.SecretHasher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} on the application's port answers only the operator token ({@code Authorization:
 * Bearer <orrery.audit.operator-token>}); without a configured token it does not exist there (404). On a separate
 * management port ({@code management.server.port}, a private network) it is served without this guard.
 */
final class PrometheusGuard extends OncePerRequestFilter {

    private final String tokenHash;

    PrometheusGuard(String token) {
        this.tokenHash = token == null || token.isBlank() ? null : SecretHasher.sha256(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (this.tokenHash == null) {
            response.sendError(404);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !SecretHasher.sameHash(this.tokenHash, SecretHasher.sha256(authorization.substring(7).trim()))) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The operator token is missing or wrong\n");
            return;
        }
        chain.doFilter(request, response);
    }
}
