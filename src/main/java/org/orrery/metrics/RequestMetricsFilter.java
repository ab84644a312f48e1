package org.orrery.metrics;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts, in memory, what operators watch: token requests by grant type and outcome, sign-ins by outcome, and API
 * calls by face (member / public), kind (read / write) and status. No database work per request.
 */
final class RequestMetricsFilter extends OncePerRequestFilter {

    private final MeterRegistry registry;

    RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        }
        finally {
            count(request, response, status);
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response, int status) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.endsWith("/oauth/token") && "POST".equals(method)) {
            String grantType = grantType(request.getParameter("grant_type"));
            counter("orrery.oauth.grants", "grant_type", grantType, "outcome", status == 200 ? "issued" : "refused",
                    "status", String.valueOf(status)).increment();
        }
        else if (path.equals("/signin") && "POST".equals(method)) {
            String outcome = signInOutcome(status, response.getHeader("Location"));
            counter("orrery.sign.ins", "outcome", outcome).increment();
            if (outcome.equals("throttled")) {
                counter("orrery.refusals", "kind", "sign-in-throttle", "endpoint", "signin").increment();
            }
        }
        else if (path.startsWith("/api/") || path.startsWith("/pub/")) {
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            counter("orrery.api.requests", "face", path.startsWith("/api/") ? "member" : "public", "kind",
                    read ? "read" : "write", "status", String.valueOf(status)).increment();
        }
    }

    /** Known grant types only: a made-up value must not make a new time series. */
    private static String grantType(String value) {
        if (value == null) {
            return "none";
        }
        return switch (value) {
            case "authorization_code", "refresh_token", "client_credentials" -> value;
            default -> "other";
        };
    }

    static String signInOutcome(int status, String location) {
        if (location == null || status < 300 || status >= 400) {
            return "refused";
        }
        if (location.contains("/signin?throttled")) {
            return "throttled";
        }
        if (location.contains("/signin?error")) {
            return "failed";
        }
        return location.contains("/signin?") ? "refused" : "succeeded";
    }

    private Counter counter(String name, String... tags) {
        return this.registry.counter(name, tags);
    }
}
