package org.orrery.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside a sandbox, every path under {@code /sandbox} answers 404 before anything else sees the request: sandbox
 * pages (mail shown instead of sent, seeding helpers) exist only when {@link SandboxMode} is on. Routes under
 * {@code /sandbox/} need no check of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SandboxGuard extends OncePerRequestFilter {

    private final SandboxMode sandbox;

    SandboxGuard(SandboxMode sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (this.sandbox.enabled()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/sandbox") || path.startsWith("/sandbox/") || path.startsWith("/sandbox;"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
