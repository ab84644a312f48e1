package org.orrery.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.record.PutCode;
import org.orrery.record.Visibility;
import org.orrery.record.schema.BodyReader;
import org.orrery.record.schema.InvalidBodyException;
import org.orrery.record.schema.Node;
import org.springframework.http.MediaType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies in either format into an item's canonical JSON, with the put-code and visibility the
 * body carried. Unreadable or invalid bodies end the request with 400/9001 naming the field; an unsupported
 * {@code Content-Type} with 415.
 */
final class ApiBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiBodies() {
    }

    /** An incoming item: canonical body plus what the request said about put-code and visibility. */
    record Incoming(ObjectNode body, String putCode, Visibility visibility) {

        PutCode parsedPutCode() {
            return this.putCode == null ? null : PutCode.parseOrNull(this.putCode);
        }
    }

    /** The most a request body may hold: room for a bulk of 100 large works. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Reads the body, refusing (413) one larger than {@link #MAX_BODY_BYTES} without reading all of it. */
    static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ApiException(OrcidError.tooLarge(MAX_BODY_BYTES));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(OrcidError.tooLarge(MAX_BODY_BYTES));
            }
            return body;
        }
        catch (IOException ex) {
            throw new ApiException(OrcidError.invalidBody("body could not be read"));
        }
    }

    static MediaType contentType(String header) {
        MediaType type = ApiMediaTypes.supported(header);
        if (type == null) {
            throw new ApiException(OrcidError.unsupportedMediaType(header == null ? "a body without a type" : header));
        }
        return type;
    }

    /** The raw tree of a body: JSON as it is, XML converted by the schema. */
    static JsonNode tree(Node schema, MediaType type, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(OrcidError.invalidBody(schema.name() + " is required in the body"));
        }
        try {
            if (ApiMediaTypes.isJson(type)) {
                try {
                    return JSON.readTree(body);
                }
                catch (JacksonException ex) {
                    throw new InvalidBodyException("body", "is not valid JSON");
                }
            }
            return XmlReader.read(schema, body);
        }
        catch (InvalidBodyException ex) {
            throw new ApiException(OrcidError.invalidBody(ex.getMessage()));
        }
    }

    static Incoming incoming(Node schema, JsonNode tree) {
        try {
            ObjectNode body = BodyReader.read(schema, tree);
            JsonNode putCode = tree.get("put-code");
            String putCodeText = putCode == null || putCode.isNull() ? null : putCode.asString();
            JsonNode visibility = tree.get("visibility");
            Visibility parsed = null;
            if (visibility != null && !visibility.isNull()) {
                try {
                    parsed = Visibility.parse(visibility.asString());
                }
                catch (IllegalArgumentException ex) {
                    throw new InvalidBodyException(schema.name() + "/visibility", "has an invalid value");
                }
            }
            return new Incoming(body, putCodeText, parsed);
        }
        catch (InvalidBodyException ex) {
            throw new ApiException(OrcidError.invalidBody(ex.getMessage()));
        }
    }
}
