package org.orrery.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Writes ORCID's error body, in the format the request negotiated, from outside a controller (a filter). */
public final class ApiErrorWriter {

    private ApiErrorWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, OrcidError error)
            throws IOException {
        ResponseEntity<byte[]> entity = ApiResponder.error(request, error);
        response.setStatus(entity.getStatusCode().value());
        response.setHeader(HttpHeaders.CONTENT_TYPE, String.valueOf(entity.getHeaders().getContentType()));
        response.getOutputStream().write(entity.getBody());
    }
}
