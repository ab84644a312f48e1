package org.orrery.record.schema;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.orrery.system.PlainText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an incoming item (in ORCID's JSON form, or converted to it from XML) against its schema and returns
 * the canonical body: only known fields, blank values dropped, simple values wrapped as {@code {"value": ..}}
 * where ORCID wraps them. Metadata the server owns (dates, source, path, visibility) is ignored.
 */
public final class BodyReader {

    /** Item fields that the server sets and that an incoming body may carry but never changes. */
    public static final Set<String> SERVER_FIELDS = Set.of("put-code", "created-date", "last-modified-date",
            "source", "path", "visibility", "display-index", "verified", "primary");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodyReader() {
    }

    /** The canonical body of an item; throws {@link InvalidBodyException} naming the first bad field. */
    public static ObjectNode read(Node item, JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new InvalidBodyException(item.name(), "must be an object");
        }
        ObjectNode body = NODES.objectNode();
        refuseUnknown(item, (ObjectNode) input, item.name(), SERVER_FIELDS);
        readChildren(item, (ObjectNode) input, body, item.name());
        return body;
    }

    private static void refuseUnknown(Node parent, ObjectNode input, String path, Set<String> ignored) {
        Set<String> known = new LinkedHashSet<>(ignored);
        collectNames(parent, known);
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            if (!known.contains(field.getKey())) {
                throw new InvalidBodyException(path + "/" + field.getKey(), "is not a known field");
            }
        }
    }

    private static void readChildren(Node parent, ObjectNode input, ObjectNode output, String path) {
        for (Node child : parent.children()) {
            if (child.isFlat()) {
                int before = output.size();
                readChildren(child, input, output, path);
                if (child.isRequired() && output.size() == before) {
                    throw new InvalidBodyException(path + "/" + child.children().get(0).jsonName(), "is required");
                }
                continue;
            }
            String childPath = path + "/" + child.jsonName();
            JsonNode value = read(child, input.get(child.jsonName()), childPath);
            if (value != null) {
                output.set(child.jsonName(), value);
            }
            else if (child.isRequired()) {
                throw new InvalidBodyException(childPath, "is required");
            }
        }
    }

    /** Names a group accepts, including those of its flat (XML-only) wrappers' children. */
    private static void collectNames(Node parent, Set<String> names) {
        for (Node child : parent.children()) {
            if (child.isFlat()) {
                collectNames(child, names);
            }
            else {
                names.add(child.jsonName());
            }
        }
    }

    private static JsonNode read(Node node, JsonNode input, String path) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return null;
        }
        return switch (node.kind()) {
            case TEXT -> {
                String text = scalar(input, path);
                yield text == null ? null : NODES.stringNode(check(node, text, path));
            }
            case VALUE -> readValue(node, input, path);
            case GROUP, ITEM -> {
                if (!input.isObject()) {
                    throw new InvalidBodyException(path, "must be an object");
                }
                ObjectNode group = NODES.objectNode();
                refuseUnknown(node, (ObjectNode) input, path, Set.of());
                readChildren(node, (ObjectNode) input, group, path);
                if (group.has("day") && !group.has("month")) {
                    throw new InvalidBodyException(path + "/month", "is required when a day is given");
                }
                yield group.isEmpty() ? null : group;
            }
            case LIST -> readList(node, input, path);
            case IDENTIFIER -> readIdentifier(input, path);
            case DATE, UNWRAPPED -> null;
        };
    }

    private static JsonNode readValue(Node node, JsonNode input, String path) {
        ObjectNode value = NODES.objectNode();
        String text;
        if (input.isObject()) {
            for (String name : input.propertyNames()) {
                if (!name.equals("value") && !node.attributes().contains(name)) {
                    throw new InvalidBodyException(path + "/" + name, "is not a known field");
                }
            }
            text = scalar(input.get("value"), path);
        }
        else {
            text = scalar(input, path);
        }
        if (text == null) {
            return null;
        }
        value.put("value", check(node, text, path));
        for (String attribute : node.attributes()) {
            String attributeValue = input.isObject() ? scalar(input.get(attribute), path + "/" + attribute) : null;
            if (attributeValue == null) {
                throw new InvalidBodyException(path + "/" + attribute, "is required");
            }
            value.put(attribute, attributeValue);
        }
        return value;
    }

    private static JsonNode readList(Node node, JsonNode input, String path) {
        Node element = node.children().get(0);
        ArrayNode list = NODES.arrayNode();
        if (input.isArray()) {
            int index = 0;
            for (JsonNode entry : input) {
                JsonNode value = read(element, entry, path + "[" + index++ + "]");
                if (value != null) {
                    list.add(value);
                }
            }
        }
        else {
            JsonNode value = read(element, input, path);
            if (value != null) {
                list.add(value);
            }
        }
        return list.isEmpty() ? null : list;
    }

    private static JsonNode readIdentifier(JsonNode input, String path) {
        if (!input.isObject()) {
            throw new InvalidBodyException(path, "must be an object with uri, path and host");
        }
        String uri = scalar(input.get("uri"), path + "/uri");
        String orcid = scalar(input.get("path"), path + "/path");
        String host = scalar(input.get("host"), path + "/host");
        if (orcid == null && uri != null) {
            orcid = uri.substring(uri.lastIndexOf('/') + 1);
        }
        if (orcid == null) {
            return null;
        }
        if (!Vocabularies.isOrcidPath(orcid)) {
            throw new InvalidBodyException(path + "/path", "must be an ORCID iD such as 0000-0002-1825-0097");
        }
        ObjectNode identifier = NODES.objectNode();
        identifier.put("uri", uri);
        identifier.put("path", orcid);
        identifier.put("host", host);
        return identifier;
    }

    private static String scalar(JsonNode input, String path) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return null;
        }
        if (!input.isValueNode()) {
            throw new InvalidBodyException(path, "must be a simple value");
        }
        String text = input.asString().strip();
        if (PlainText.hasForbiddenCharacters(text, true)) {
            throw new InvalidBodyException(path, "may not contain control characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static String check(Node node, String text, String path) {
        if (node.maxLength() > 0 && text.length() > node.maxLength()) {
            throw new InvalidBodyException(path, "must be at most " + node.maxLength() + " characters");
        }
        if (node.allowed() != null && !node.allowed().contains(text)) {
            throw new InvalidBodyException(path, "has an invalid value '" + text + "'");
        }
        String problem = node.problemWith(text);
        if (problem != null) {
            throw new InvalidBodyException(path, problem);
        }
        return text;
    }
}
