package org.orrery.api;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.system.ErrorAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors on the API faces that no API controller answered (the firewall refused the path, a parameter could not
 * be decoded, a filter failed) get ORCID's error body in the negotiated format, like every other API error.
 * An unexpected failure is logged with an incident id that the body repeats (security rule 13).
 */
@Component
@Order(2)
class ApiErrorAnswer implements ErrorAnswer {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAnswer.class);

    @Override
    public boolean owns(String path) {
        return path.equals("/api") || path.equals("/pub") || path.startsWith("/api/") || path.startsWith("/pub/");
    }

    @Override
    public void write(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<byte[]> answer = ApiResponder.error(request, error(status, request));
        response.setStatus(status);
        response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
        response.getOutputStream().write(answer.getBody());
    }

    private static OrcidError error(int status, HttpServletRequest request) {
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (status < 500) {
            return refusal(status, request, path);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure on the API, incident {} on {} {}", incident, request.getMethod(), path,
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        return OrcidError.unexpected(incident);
    }

    /** ORCID's error for a client error of this status on this path. */
    static OrcidError refusal(int status, HttpServletRequest request, String path) {
        return switch (status) {
            case 404 -> OrcidError.notFound(path);
            case 405 -> OrcidError.methodNotAllowed(request.getMethod());
            case 406 -> OrcidError.notAcceptable(request.getHeader(HttpHeaders.ACCEPT));
            case 415 -> OrcidError.unsupportedMediaType(request.getContentType());
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield OrcidError.refused(status, known == null ? "Refused" : known.getReasonPhrase());
            }
        };
    }
}
