package org.orrery.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.orrery.groups.PeerReviewGroup;
import org.orrery.groups.PeerReviewGroups;
import org.orrery.record.schema.InvalidBodyException;
import org.springframework.http.MediaType;
import org.w3c.dom.Element;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group-id records as ORCID writes and reads them (MODEL {@code group-id-3.0.xsd}, wave-2 spec §2.2): JSON without
 * source and dates (ORCID's {@code @JsonIgnore}); XML with the XSD's source content
 * ({@code common:source-client-id}; none for a group Orrery made from an ISSN) and no dates, which the XSD has no
 * room for. A list is written under ORCID's own root {@code group-id:group-id} (what
 * ORCID's API and its Java model produce), not the XSD's {@code group-id-records}; its {@code total} is the number
 * of records on the page, as ORCID's is.
 */
final class GroupIdDocuments {

    static final String NS = "http://www.orcid.org/ns/group-id";

    static final String COMMON = "http://www.orcid.org/ns/common";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GroupIdDocuments() {
    }

    static byte[] record(MediaType type, PeerReviewGroup group, String baseUrl) {
        if (ApiMediaTypes.isJson(type)) {
            return JSON.writeValueAsBytes(json(group));
        }
        return xml(out -> writeRecord(out, group, baseUrl, true));
    }

    /** ORCID's empty answer to a look-up that found nothing: 200 with an empty record. */
    static byte[] empty(MediaType type) {
        if (ApiMediaTypes.isJson(type)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", null);
            body.put("group-id", null);
            body.put("description", null);
            body.put("type", null);
            body.put("put-code", null);
            return JSON.writeValueAsBytes(body);
        }
        return xml(out -> {
            out.writeStartElement(NS, "group-id-record");
            out.writeNamespace("group-id", NS);
            out.writeEndElement();
        });
    }

    static byte[] page(MediaType type, List<PeerReviewGroup> groups, int page, int pageSize, Instant lastModified,
            String baseUrl) {
        if (ApiMediaTypes.isJson(type)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("last-modified-date", lastModified == null ? null : Map.of("value", lastModified.toEpochMilli()));
            body.put("total", groups.size());
            body.put("page", page);
            body.put("page-size", pageSize);
            body.put("group-id-record", groups.stream().map(GroupIdDocuments::json).toList());
            return JSON.writeValueAsBytes(body);
        }
        return xml(out -> {
            out.writeStartElement(NS, "group-id");
            out.writeNamespace("group-id", NS);
            out.writeNamespace("common", COMMON);
            if (lastModified != null) {
                text(out, COMMON, "last-modified-date", format(lastModified));
            }
            text(out, NS, "total", String.valueOf(groups.size()));
            text(out, NS, "page", String.valueOf(page));
            text(out, NS, "page-size", String.valueOf(pageSize));
            for (PeerReviewGroup group : groups) {
                writeRecord(out, group, baseUrl, false);
            }
            out.writeEndElement();
        });
    }

    /** The fields of a posted or put body, and its put-code (null when absent). */
    record Incoming(PeerReviewGroups.Fields fields, String putCode) {
    }

    static Incoming read(MediaType type, byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(OrcidError.invalidBody("group-id-record is required in the body"));
        }
        if (ApiMediaTypes.isJson(type)) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json == null || !json.isObject()) {
                    throw new ApiException(OrcidError.invalidBody("group-id-record must be a JSON object"));
                }
                JsonNode putCode = json.get("put-code");
                return new Incoming(new PeerReviewGroups.Fields(string(json, "name"), string(json, "group-id"),
                        string(json, "description"), string(json, "type")),
                        putCode == null || putCode.isNull() ? null : putCode.asString());
            }
            catch (JacksonException ex) {
                throw new ApiException(OrcidError.invalidBody("the body is not valid JSON"));
            }
        }
        try {
            Element root = XmlReader.parseRoot(body);
            if (!NS.equals(root.getNamespaceURI()) || !"group-id-record".equals(root.getLocalName())) {
                throw new ApiException(OrcidError.invalidBody("the root element must be group-id:group-id-record"));
            }
            String putCode = root.hasAttribute("put-code") ? root.getAttribute("put-code") : null;
            return new Incoming(new PeerReviewGroups.Fields(child(root, "name"), child(root, "group-id"),
                    child(root, "description"), child(root, "type")), putCode);
        }
        catch (InvalidBodyException ex) {
            throw new ApiException(OrcidError.invalidBody(ex.getMessage()));
        }
    }

    private static Map<String, Object> json(PeerReviewGroup group) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", group.name());
        body.put("group-id", group.groupId());
        body.put("description", group.description());
        body.put("type", group.type());
        body.put("put-code", group.putCode());
        return body;
    }

    private static void writeRecord(XMLStreamWriter out, PeerReviewGroup group, String baseUrl, boolean root)
            throws XMLStreamException {
        out.writeStartElement(NS, "group-id-record");
        if (root) {
            out.writeNamespace("group-id", NS);
            out.writeNamespace("common", COMMON);
        }
        out.writeAttribute("put-code", String.valueOf(group.putCode()));
        if (group.sourceClientId() != null) {
            // the XSD's source-type content, directly in the record (it has no room for dates)
            out.writeStartElement(COMMON, "source-client-id");
            text(out, COMMON, "path", group.sourceClientId());
            text(out, COMMON, "host", java.net.URI.create(baseUrl).getHost());
            out.writeEndElement();
        }
        text(out, NS, "name", group.name());
        text(out, NS, "group-id", group.groupId());
        text(out, NS, "description", group.description());
        text(out, NS, "type", group.type());
        out.writeEndElement();
    }

    private static byte[] xml(StaxDocument.Body body) {
        return StaxDocument.write("group-id", NS, COMMON, body);
    }

    private static void text(XMLStreamWriter out, String ns, String name, String value) throws XMLStreamException {
        StaxDocument.text(out, ns, name, value);
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private static String string(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && value.isObject() && value.has("value")) {
            value = value.get("value");
        }
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static String child(Element root, String name) {
        for (org.w3c.dom.Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NS.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }
}
