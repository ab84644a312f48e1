package org.orrery.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.orrery.record.schema.InvalidBodyException;
import org.orrery.record.schema.Node;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an incoming XML item into ORCID's JSON form, guided by the schema. The parser refuses any DTD, so
 * external entities and entity expansion ("billion laughs") never happen (security rule 12).
 */
final class XmlReader {

    private static final Set<String> ITEM_METADATA = Set.of("created-date", "last-modified-date", "source");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlReader() {
    }

    /** Parses the body; the root element must be the node's element. */
    static ObjectNode read(Node root, byte[] body) {
        Element element = parse(body).getDocumentElement();
        if (!matches(root, element)) {
            throw new InvalidBodyException(describe(element), "is not the expected element " + root);
        }
        return group(root, element, root.name());
    }

    /** The root element of a body, parsed safely (used for bulk bodies whose children are read one by one). */
    static Element parseRoot(byte[] body) {
        return parse(body).getDocumentElement();
    }

    static boolean matches(Node node, Element element) {
        return node.name().equals(element.getLocalName())
                && (XmlWriter.NAMESPACE_ROOT + node.prefix()).equals(element.getNamespaceURI());
    }

    static ObjectNode group(Node node, Element element, String path) {
        ObjectNode json = NODES.objectNode();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() != null) {
                continue;
            }
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (name.equals("put-code") || node.attributes().contains(name)) {
                json.put(name, attribute.getValue());
            }
        }
        for (Element child = firstChild(element); child != null; child = nextSibling(child)) {
            if (node.kind() == Node.Kind.ITEM && ITEM_METADATA.contains(child.getLocalName())
                    && (XmlWriter.NAMESPACE_ROOT + "common").equals(child.getNamespaceURI())) {
                continue;
            }
            if (!place(node, child, json, path)) {
                throw new InvalidBodyException(path + "/" + child.getLocalName(), "is not a known element");
            }
        }
        return json;
    }

    /** Puts one child element into the JSON object; false when the schema has no such child. */
    private static boolean place(Node parent, Element child, ObjectNode json, String path) {
        for (Node candidate : parent.children()) {
            if (candidate.isFlat() && matches(candidate, child)) {
                for (Element inner = firstChild(child); inner != null; inner = nextSibling(inner)) {
                    if (!place(candidate, inner, json, path)) {
                        throw new InvalidBodyException(path + "/" + inner.getLocalName(), "is not a known element");
                    }
                }
                return true;
            }
            if (candidate.kind() == Node.Kind.LIST && matches(candidate.children().get(0), child)) {
                JsonNode existing = json.get(candidate.jsonName());
                ArrayNode list = existing instanceof ArrayNode array ? array : json.putArray(candidate.jsonName());
                list.add(convert(candidate.children().get(0), child, path + "/" + child.getLocalName()));
                return true;
            }
            if (candidate.kind() != Node.Kind.LIST && !candidate.isFlat() && matches(candidate, child)) {
                if (json.has(candidate.jsonName())) {
                    throw new InvalidBodyException(path + "/" + child.getLocalName(), "appears more than once");
                }
                json.set(candidate.jsonName(), convert(candidate, child, path + "/" + child.getLocalName()));
                return true;
            }
        }
        return false;
    }

    private static JsonNode convert(Node node, Element element, String path) {
        return switch (node.kind()) {
            case TEXT -> NODES.stringNode(element.getTextContent().strip());
            case VALUE -> {
                ObjectNode value = group(node, element, path);
                if (firstChild(element) != null) {
                    throw new InvalidBodyException(path, "must hold text only");
                }
                value.put("value", element.getTextContent().strip());
                yield value;
            }
            case IDENTIFIER -> {
                ObjectNode identifier = NODES.objectNode();
                for (Element part = firstChild(element); part != null; part = nextSibling(part)) {
                    identifier.put(part.getLocalName(), part.getTextContent().strip());
                }
                yield identifier;
            }
            case GROUP, ITEM -> group(node, element, path);
            default -> throw new InvalidBodyException(path, "is not expected in a request");
        };
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        }
        catch (SAXException ex) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new InvalidBodyException("body", "must not contain a DOCTYPE declaration");
            }
            throw new InvalidBodyException("body", "is not well-formed XML: " + message);
        }
        catch (ParserConfigurationException | IOException ex) {
            throw new InvalidBodyException("body", "could not be read as XML");
        }
    }

    private static String describe(Element element) {
        return element.getNamespaceURI() == null ? element.getLocalName()
                : "{" + element.getNamespaceURI() + "}" + element.getLocalName();
    }

    static Element firstChild(Element element) {
        for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                return child;
            }
        }
        return null;
    }

    static Element nextSibling(Element element) {
        for (org.w3c.dom.Node node = element.getNextSibling(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element sibling) {
                return sibling;
            }
        }
        return null;
    }
}
