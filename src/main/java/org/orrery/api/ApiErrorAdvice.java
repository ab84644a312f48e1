package org.orrery.api;

import org.orrery.record.RecordNotActiveException;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.system.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures in the API's controllers into ORCID's error body in the negotiated format. Unexpected failures
 * are logged with an incident id that the body repeats; no stack trace or class name leaves the server.
 */
@RestControllerAdvice(basePackageClasses = ApiErrorAdvice.class)
class ApiErrorAdvice {

    private final String baseUrl;

    ApiErrorAdvice(org.orrery.oauth.OrreryProperties properties) {
        this.baseUrl = properties.baseUrl();
    }

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> apiError(ApiException ex, HttpServletRequest request) {
        ResponseEntity<byte[]> answer = ApiResponder.error(request, ex.error());
        if (ex.location() != null) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Location", ex.location())
                .body(answer.getBody());
        }
        return answer;
    }

    /** A write that found the record no longer active under its row lock (a state change raced it). */
    @ExceptionHandler(RecordNotActiveException.class)
    ResponseEntity<byte[]> notActive(RecordNotActiveException ex, HttpServletRequest request) {
        try {
            RecordStateRefusal.check(ex.orcid(), ex.state(), ex.deprecatedInto(), this.baseUrl);
        }
        catch (ApiException refusal) {
            return apiError(refusal, request);
        }
        return unexpected(ex, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        return ApiResponder.error(request, OrcidError.methodNotAllowed(request.getMethod()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (a Content-Type it cannot parse, a header it needs): the client's error.
            return ApiResponder.error(request, ApiErrorAnswer.refusal(refusal.getStatusCode().value(), request,
                    request.getRequestURI()));
        }
        String incident = UUID.randomUUID().toString();
        if (DatabaseUnavailable.causedBy(ex)) {
            log.warn("Database unavailable, incident {} on {} {}: {}", incident, request.getMethod(),
                    request.getRequestURI(), DatabaseUnavailable.reason(ex));
            ResponseEntity<byte[]> answer = ApiResponder.error(request, OrcidError.unavailable(incident));
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(answer.getBody());
        }
        log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(),
                request.getRequestURI(), ex);
        return ApiResponder.error(request, OrcidError.unexpected(incident));
    }
}
