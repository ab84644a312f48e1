package org.orrery.api;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.schema.DocumentSchemas;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/** Writes documents and errors in the format the request negotiated (JSON or XML). */
final class ApiResponder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiResponder() {
    }

    /** The negotiated type of this request, or an {@link ApiException} with 406. */
    static MediaType negotiate(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        MediaType type = ApiMediaTypes.negotiate(accept, request.getContentType());
        if (type == null) {
            throw new ApiException(OrcidError.notAcceptable(accept));
        }
        return type;
    }

    static ResponseEntity<byte[]> respond(int status, MediaType type, Doc doc) {
        return respond(status, type, render(type, doc));
    }

    /** An answer already rendered in the negotiated format. */
    static ResponseEntity<byte[]> respond(int status, MediaType type, byte[] body) {
        return ResponseEntity.status(status).contentType(withCharset(type)).body(body);
    }

    static byte[] render(MediaType type, Doc doc) {
        if (ApiMediaTypes.isJson(type)) {
            return JSON.writeValueAsBytes(doc.json());
        }
        return XmlWriter.write(doc.schema(), doc.json()).getBytes(StandardCharsets.UTF_8);
    }

    static ResponseEntity<byte[]> error(HttpServletRequest request, OrcidError error) {
        MediaType type = ApiMediaTypes.negotiate(request.getHeader(HttpHeaders.ACCEPT), request.getContentType());
        if (type == null) {
            type = ApiMediaTypes.VND_ORCID_XML;
        }
        return respond(error.responseCode(), type, new Doc(DocumentSchemas.error(), error.toJson()));
    }

    private static MediaType withCharset(MediaType type) {
        return new MediaType(type, StandardCharsets.UTF_8);
    }
}
