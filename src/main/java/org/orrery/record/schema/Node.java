package org.orrery.record.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One element of ORCID's v3.0 record schema, as far as Orrery needs it to read and write both wire formats. The
 * canonical form of every document is its ORCID JSON tree; a node says how that tree maps onto XML (namespace
 * prefix, element name, attributes, child order) and what an incoming value must satisfy.
 */
public final class Node {

    /** How a JSON value maps onto XML. */
    public enum Kind {
        /** A JSON string; an element with text. */
        TEXT,
        /** A JSON object {@code {"value": ...}} plus attributes; an element with text and attributes. */
        VALUE,
        /** A JSON {@code {"value": epochMillis}}; an element holding an {@code xs:dateTime}. */
        DATE,
        /** A JSON object; an element with attributes and child elements in schema order. */
        GROUP,
        /** A JSON array under the child's name; the child element repeated. */
        LIST,
        /**
         * A JSON array of one-key objects ({@code "summaries": [{"employment-summary": {...}}]}); in XML the inner
         * elements repeated without a wrapper.
         */
        UNWRAPPED,
        /** An iD or client iD: {@code uri}, {@code path}, {@code host}. */
        IDENTIFIER,
        /** A record item: a group whose standard metadata comes first ({@code created-date}, ..., attributes). */
        ITEM
    }

    private final Kind kind;

    private final String prefix;

    private final String name;

    private final List<Node> children;

    private final List<String> attributes;

    private boolean required;

    private int maxLength;

    private Set<String> allowed;

    private Function<String, String> check;

    private String jsonName;

    private boolean flat;

    private Node(Kind kind, String prefix, String name, List<Node> children, List<String> attributes) {
        this.kind = kind;
        this.prefix = prefix;
        this.name = name;
        this.children = List.copyOf(children);
        this.attributes = List.copyOf(attributes);
    }

    public static Node text(String prefix, String name) {
        return new Node(Kind.TEXT, prefix, name, List.of(), List.of());
    }

    public static Node value(String prefix, String name, String... attributes) {
        return new Node(Kind.VALUE, prefix, name, List.of(), Arrays.asList(attributes));
    }

    public static Node date(String prefix, String name) {
        return new Node(Kind.DATE, prefix, name, List.of(), List.of());
    }

    public static Node group(String prefix, String name, Node... children) {
        return new Node(Kind.GROUP, prefix, name, Arrays.asList(children), List.of());
    }

    /** A group with XML attributes (JSON fields) besides its children. */
    public static Node groupWithAttributes(String prefix, String name, List<String> attributes, Node... children) {
        return new Node(Kind.GROUP, prefix, name, Arrays.asList(children), attributes);
    }

    public static Node list(Node element) {
        return new Node(Kind.LIST, element.prefix, element.name, List.of(element), List.of());
    }

    public static Node unwrapped(String jsonName, Node... alternatives) {
        return new Node(Kind.UNWRAPPED, "", jsonName, Arrays.asList(alternatives), List.of());
    }

    public static Node identifier(String prefix, String name) {
        return new Node(Kind.IDENTIFIER, prefix, name, List.of(), List.of());
    }

    /** A record item; {@code extraAttributes} come after put-code, path, visibility and display-index. */
    public static Node item(String prefix, String name, List<String> extraAttributes, Node... body) {
        List<String> attributes = new ArrayList<>(List.of("put-code", "path", "visibility", "display-index"));
        attributes.addAll(extraAttributes);
        return new Node(Kind.ITEM, prefix, name, Arrays.asList(body), attributes);
    }

    /** A copy of this node under another element name and prefix (same content). */
    public Node as(String newPrefix, String newName) {
        Node copy = new Node(this.kind, newPrefix, newName, this.children, this.attributes);
        copy.required = this.required;
        copy.maxLength = this.maxLength;
        copy.allowed = this.allowed;
        copy.check = this.check;
        copy.flat = this.flat;
        copy.jsonName = this.jsonName;
        return copy;
    }

    /** A copy of this group with further children appended. */
    public Node withChildren(List<Node> more) {
        List<Node> all = new ArrayList<>(this.children);
        all.addAll(more);
        Node copy = new Node(this.kind, this.prefix, this.name, all, this.attributes);
        copy.required = this.required;
        return copy;
    }

    public Node required() {
        this.required = true;
        return this;
    }

    public Node max(int length) {
        this.maxLength = length;
        return this;
    }

    public Node oneOf(Set<String> values) {
        this.allowed = Set.copyOf(values);
        return this;
    }

    /** A further check on the text: returns a problem description, or null when the text is fine. */
    public Node check(Function<String, String> problem) {
        this.check = problem;
        return this;
    }

    /** The JSON field name when it differs from the element name. */
    public Node json(String fieldName) {
        this.jsonName = fieldName;
        return this;
    }

    /** A wrapper element that exists only in XML: in JSON its children sit in the parent object. */
    public Node flat() {
        this.flat = true;
        return this;
    }

    public boolean isFlat() {
        return this.flat;
    }

    public Kind kind() {
        return this.kind;
    }

    public String prefix() {
        return this.prefix;
    }

    public String name() {
        return this.name;
    }

    public String jsonName() {
        return this.jsonName != null ? this.jsonName : this.name;
    }

    public List<Node> children() {
        return this.children;
    }

    public List<String> attributes() {
        return this.attributes;
    }

    public boolean isRequired() {
        return this.required;
    }

    public int maxLength() {
        return this.maxLength;
    }

    public Set<String> allowed() {
        return this.allowed;
    }

    /** The problem with an incoming text, or null. */
    public String problemWith(String text) {
        return this.check == null ? null : this.check.apply(text);
    }

    /** The child whose JSON name is given, or null. */
    public Node child(String jsonName) {
        for (Node child : this.children) {
            if (child.jsonName().equals(jsonName)) {
                return child;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return this.prefix + ":" + this.name;
    }
}
