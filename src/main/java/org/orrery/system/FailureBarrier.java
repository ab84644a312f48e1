package org.orrery.system;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.orrery.api.ApiErrorWriter;
import org.orrery.api.OrcidError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a failure nothing else handled (a database that went away, a bug) is logged once with a
 * new incident id, and the caller gets a generic answer in the endpoint's own format that repeats the id, never a
 * stack trace, SQL or class name (security rule 13): ORCID's error body on the API faces (as the API's own
 * controllers answer their failures, with the same log line), an OAuth error on the
 * OAuth and other JSON endpoints, the error page everywhere else. The page is rendered without the session or the
 * database, which may be what failed. A failure caused by the database being out of reach
 * ({@link DatabaseUnavailable}) is an outage, not a bug: 503 with {@code Retry-After}, ORCID's 503 body, OAuth's
 * {@code temporarily_unavailable}, or the error page saying so; it is logged as a warning without a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FailureBarrier extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailureBarrier.class);

    /**
     * PostgreSQL's SQLSTATE for a text value it cannot hold: a NUL character (U+0000) sent in a parameter, a cookie
     * or a path. Orrery never makes such a value itself, so it is always the caller's (H2 stores NUL as it is).
     */
    static final String UNREPRESENTABLE_CHARACTER = "22021";

    private final ITemplateEngine templates;

    private final JsonMapper json = JsonMapper.builder().build();

    FailureBarrier(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The error page's own dispatch passes here too, to read undecodable parameters as none. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(new ParameterSafeRequest(request), response);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
                throw ex; // the caller went away: nobody to answer, nothing of ours failed
            }
            int refused = clientErrorStatus(ex);
            if (refused > 0 && !response.isCommitted()) {
                response.sendError(refused); // the caller's mistake: the error page answers in the face's format
                return;
            }
            String incident = UUID.randomUUID().toString();
            boolean outage = DatabaseUnavailable.causedBy(ex);
            if (outage) {
                log.warn("Database unavailable, incident {} on {} {}: {}", incident, request.getMethod(),
                        request.getRequestURI(), DatabaseUnavailable.reason(ex));
            }
            else {
                log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(),
                        request.getRequestURI(), ex);
            }
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            response.setStatus(outage ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            if (outage) {
                response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            }
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            switch (Face.of(request)) {
                case API -> ApiErrorWriter.write(request, response,
                        outage ? OrcidError.unavailable(incident) : OrcidError.unexpected(incident));
                case JSON -> writeJson(response, outage ? unavailableError(incident) : oauthError(incident));
                case PAGE -> writePage(request, response, outage ? 503 : 500, incident);
            }
        }
    }

    /**
     * The 4xx status of a failure that is the caller's doing (a parameter the HTTP layer cannot decode, a body it
     * cannot read, a refusal of Spring MVC's that escaped its resolvers, a NUL character PostgreSQL refuses), or -1
     * for a real failure.
     */
    static int clientErrorStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                return invalid.getErrorCode() >= 400 && invalid.getErrorCode() < 500 ? invalid.getErrorCode() : 400;
            }
            if (cause instanceof BadRequestException) {
                return 400;
            }
            if (cause instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
                return refusal.getStatusCode().value();
            }
            if (cause instanceof SQLException sql && UNREPRESENTABLE_CHARACTER.equals(sql.getSQLState())) {
                return 400;
            }
        }
        return -1;
    }

    private void writeJson(HttpServletResponse response, Object body) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(this.json.writeValueAsString(body));
    }

    private static Map<String, Object> oauthError(String incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "server_error");
        body.put("error_description", "Something went wrong. Incident " + incident);
        return body;
    }

    /** RFC 6749's error for a server that cannot answer for now. */
    private static Map<String, Object> unavailableError(String incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "temporarily_unavailable");
        body.put("error_description", "The service is temporarily unavailable; try again in a moment. Incident "
                + incident);
        return body;
    }

    private void writePage(HttpServletRequest request, HttpServletResponse response, int status, String incident)
            throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'; default-src 'self'");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, response);
        var context = new WebContext(exchange, request.getLocale(), Map.of("status", status, "incident", incident));
        this.templates.process("error", context, response.getWriter());
    }

    /** Which error format a path's callers read. */
    enum Face {
        API, JSON, PAGE;

        static Face of(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.endsWith("/oauth/token") || path.startsWith("/oauth/revoke") || path.startsWith("/oauth/introspect")
                    || path.startsWith("/oauth/userinfo") || path.startsWith("/oauth/jwks")
                    || path.startsWith("/.well-known/") || path.startsWith("/actuator/") || path.startsWith("/admin/")
                    || path.endsWith(".json")) {
                return JSON;
            }
            if (path.startsWith("/api/") || path.startsWith("/pub/")) {
                return API;
            }
            return PAGE;
        }
    }
}
