package org.orrery.api;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.orrery.record.schema.DocumentSchemas;
import org.orrery.record.schema.Node;

import tools.jackson.databind.JsonNode;

/**
 * Writes a document's ORCID JSON tree as ORCID's namespaced XML, walking the schema so that elements come in XSD
 * order. Identifier {@code uri} elements are written only when they fit the XSD's pattern (an https ORCID host);
 * otherwise {@code path} and {@code host} alone identify the iD, which the XSD also allows.
 */
final class XmlWriter {

    static final String NAMESPACE_ROOT = "http://www.orcid.org/ns/";

    private static final List<String> PREFIXES = List.of("common", "record", "person", "personal-details",
            "other-name", "researcher-url", "email", "address", "keyword", "external-identifier", "activities", "work",
            "funding", "distinction", "education", "employment", "invited-position", "membership", "qualification",
            "service", "peer-review", "research-resource", "history", "preferences", "error", "bulk");

    private static final Pattern XSD_URI = Pattern.compile("https://([^/]*orcid\\.org|localhost.*/orcid-web)/.*");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private static final Node SOURCE = DocumentSchemas.source();

    private XmlWriter() {
    }

    static String write(Node root, JsonNode document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            for (String prefix : PREFIXES) {
                xml.setPrefix(prefix, NAMESPACE_ROOT + prefix);
            }
            element(xml, root, document, true);
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write XML", ex);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, Node node, JsonNode json, boolean root)
            throws XMLStreamException {
        start(xml, node);
        if (root) {
            for (String prefix : PREFIXES) {
                xml.writeNamespace(prefix, NAMESPACE_ROOT + prefix);
            }
        }
        for (String attribute : node.attributes()) {
            JsonNode value = json.get(attribute);
            if (present(value)) {
                xml.writeAttribute(attribute, value.asString());
            }
        }
        if (node.kind() == Node.Kind.ITEM) {
            date(xml, "common", "created-date", json.get("created-date"));
            date(xml, "common", "last-modified-date", json.get("last-modified-date"));
            if (present(json.get("source"))) {
                element(xml, SOURCE, json.get("source"), false);
            }
        }
        children(xml, node, json);
        xml.writeEndElement();
    }

    private static void children(XMLStreamWriter xml, Node node, JsonNode json) throws XMLStreamException {
        for (Node child : node.children()) {
            if (child.isFlat()) {
                start(xml, child);
                children(xml, child, json);
                xml.writeEndElement();
            }
            else {
                value(xml, child, json.get(child.jsonName()));
            }
        }
    }

    private static void value(XMLStreamWriter xml, Node node, JsonNode value) throws XMLStreamException {
        if (!present(value)) {
            return;
        }
        switch (node.kind()) {
            case TEXT -> {
                start(xml, node);
                xml.writeCharacters(value.asString());
                xml.writeEndElement();
            }
            case VALUE -> {
                start(xml, node);
                JsonNode text = value;
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> field : value.properties()) {
                        if (!field.getKey().equals("value") && present(field.getValue())) {
                            xml.writeAttribute(field.getKey(), field.getValue().asString());
                        }
                    }
                    text = value.get("value");
                }
                xml.writeCharacters(present(text) ? text.asString() : "");
                xml.writeEndElement();
            }
            case DATE -> date(xml, node.prefix(), node.name(), value);
            case GROUP, ITEM -> element(xml, node, value, false);
            case LIST -> {
                for (JsonNode entry : value) {
                    value(xml, node.children().get(0), entry);
                }
            }
            case UNWRAPPED -> {
                for (JsonNode entry : value) {
                    for (Node alternative : node.children()) {
                        value(xml, alternative, entry.get(alternative.jsonName()));
                    }
                }
            }
            case IDENTIFIER -> identifier(xml, node, value);
        }
    }

    private static void identifier(XMLStreamWriter xml, Node node, JsonNode value) throws XMLStreamException {
        start(xml, node);
        String uri = value.path("uri").asString("");
        if (XSD_URI.matcher(uri).matches()) {
            simple(xml, "uri", uri);
        }
        simple(xml, "path", value.path("path").asString(""));
        if (present(value.get("host"))) {
            simple(xml, "host", value.get("host").asString());
        }
        xml.writeEndElement();
    }

    private static void simple(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("common", name, NAMESPACE_ROOT + "common");
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void date(XMLStreamWriter xml, String prefix, String name, JsonNode value)
            throws XMLStreamException {
        if (!present(value) || !present(value.get("value"))) {
            return;
        }
        xml.writeStartElement(prefix, name, NAMESPACE_ROOT + prefix);
        xml.writeCharacters(Instant.ofEpochMilli(value.get("value").asLong()).toString());
        xml.writeEndElement();
    }

    private static void start(XMLStreamWriter xml, Node node) throws XMLStreamException {
        xml.writeStartElement(node.prefix(), node.name(), NAMESPACE_ROOT + node.prefix());
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }
}
