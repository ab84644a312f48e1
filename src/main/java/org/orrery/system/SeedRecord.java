package org.orrery.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orrery.record.ItemType;
import org.orrery.record.Visibility;
import org.orrery.record.schema.BodyReader;
import org.orrery.record.schema.InvalidBodyException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record content a seeded researcher carries: items of any person or activity section, each the v3.0 JSON
 * body the API accepts (checked by the API's own body reader), with a visibility and optionally a source; and a
 * biography. Sections are named as in the API's paths ({@code works}, {@code employments}, {@code keywords},
 * {@code other-names}, {@code address}, {@code email}, ...).
 */
record SeedRecord(List<Item> items, Biography biography) {

    static final SeedRecord EMPTY = new SeedRecord(List.of(), null);

    /** The section name under which the biography is tracked among seeded items. */
    static final String BIOGRAPHY = "biography";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One item: its place in the file (section and position, which identify it when the file is applied again),
     * kind, visibility, source client (null: the researcher) and canonical body.
     */
    record Item(String section, int position, ItemType type, Visibility visibility, String source, ObjectNode body,
            String where) {
    }

    record Biography(String content, Visibility visibility) {
    }

    /** Reads {@code record:} of the researcher entry {@code where}; {@code null} gives an empty record. */
    static SeedRecord read(Path path, String where, Object value) {
        if (value == null) {
            return EMPTY;
        }
        if (!(value instanceof Map<?, ?> sections)) {
            throw problem(path, where, "record", "must be a mapping of sections");
        }
        List<Item> items = new ArrayList<>();
        Biography biography = null;
        for (Map.Entry<?, ?> section : sections.entrySet()) {
            String name = String.valueOf(section.getKey());
            String at = where + ".record." + name;
            if (BIOGRAPHY.equals(name)) {
                biography = biography(path, at, section.getValue());
                continue;
            }
            ItemType type = type(name);
            if (type == null) {
                throw problem(path, where, "record", "unknown section '" + name + "' (expected one of "
                        + String.join(", ", sectionNames()) + ")");
            }
            if (!(section.getValue() instanceof List<?> list)) {
                throw problem(path, at, name, "must be a list of items");
            }
            for (int i = 0; i < list.size(); i++) {
                items.add(item(path, at + "[" + i + "]", name, i, type, list.get(i)));
            }
        }
        return new SeedRecord(List.copyOf(items), biography);
    }

    /** Every source named in the record must be a client of the same file. */
    void checkSources(Path path, Set<String> fileClientIds) {
        for (Item item : this.items) {
            if (item.source() != null && !fileClientIds.contains(item.source())) {
                throw problem(path, item.where(), "source", "'" + item.source()
                        + "' is not a client-id of this file (or 'researcher')");
            }
        }
    }

    private static Item item(Path path, String where, String section, int position, ItemType type, Object value) {
        if (!(value instanceof Map<?, ?> entry)) {
            throw new SeedFile.InvalidSeedFileException("Seed file " + path + ", entry " + where
                    + ": must be a mapping with visibility, body and optionally source");
        }
        for (Object key : entry.keySet()) {
            if (!Set.of("visibility", "source", "body").contains(String.valueOf(key))) {
                throw problem(path, where, String.valueOf(key), "unknown field");
            }
        }
        Visibility visibility = visibility(path, where, entry.get("visibility"));
        Object source = entry.get("source");
        if (source instanceof Map || source instanceof List) {
            throw problem(path, where, "source", "must be a client-id or 'researcher'");
        }
        String sourceText = source == null ? null : String.valueOf(source).trim();
        if (sourceText != null && (sourceText.isEmpty() || sourceText.equals("researcher"))) {
            sourceText = null;
        }
        JsonNode tree = body(path, where, entry.get("body"));
        ObjectNode body;
        try {
            body = BodyReader.read(type.schema(), tree);
        }
        catch (InvalidBodyException ex) {
            throw problem(path, where, "body", ex.getMessage());
        }
        return new Item(section, position, type, visibility, sourceText, body, where);
    }

    private static Biography biography(Path path, String where, Object value) {
        if (!(value instanceof Map<?, ?> entry)) {
            throw new SeedFile.InvalidSeedFileException("Seed file " + path + ", entry " + where
                    + ": must be a mapping with visibility and body");
        }
        for (Object key : entry.keySet()) {
            if (!Set.of("visibility", "body").contains(String.valueOf(key))) {
                throw problem(path, where, String.valueOf(key), "unknown field");
            }
        }
        Visibility visibility = visibility(path, where, entry.get("visibility"));
        JsonNode body = body(path, where, entry.get("body"));
        JsonNode content = body.get("content");
        for (var field : body.properties()) {
            if (!field.getKey().equals("content") && !BodyReader.SERVER_FIELDS.contains(field.getKey())) {
                throw problem(path, where, "body", "biography/" + field.getKey() + " is not a known field");
            }
        }
        if (content == null || !content.isString() || content.asString().isBlank()) {
            throw problem(path, where, "body", "biography/content is required");
        }
        String text = content.asString().trim();
        if (text.length() > 5000 || PlainText.hasForbiddenCharacters(text, true)) {
            throw problem(path, where, "body", "biography/content must be plain text of at most 5000 characters");
        }
        return new Biography(text, visibility);
    }

    private static Visibility visibility(Path path, String where, Object value) {
        if (value == null) {
            throw problem(path, where, "visibility", "is required (public, limited, registered-only or private)");
        }
        try {
            return Visibility.parse(String.valueOf(value));
        }
        catch (IllegalArgumentException ex) {
            throw problem(path, where, "visibility", "'" + value
                    + "' is not a visibility (public, limited, registered-only or private)");
        }
    }

    /** The body as written: a YAML mapping (JSON is YAML) or a string of JSON. */
    private static JsonNode body(Path path, String where, Object value) {
        if (value == null) {
            throw problem(path, where, "body", "is required");
        }
        if (value instanceof String text) {
            try {
                return JSON.readTree(text);
            }
            catch (JacksonException ex) {
                throw problem(path, where, "body", "is not valid JSON");
            }
        }
        if (!(value instanceof Map)) {
            throw problem(path, where, "body", "must be the item's JSON object");
        }
        try {
            return JSON.valueToTree(value);
        }
        catch (IllegalArgumentException | JacksonException ex) {
            throw problem(path, where, "body", "cannot be read as JSON");
        }
    }

    static ItemType type(String section) {
        if (section.equals("emails")) {
            return ItemType.EMAIL;
        }
        ItemType type = ItemType.byListPath(section);
        return type != null ? type : ItemType.byItemPath(section);
    }

    private static List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            names.add(type.listPath());
        }
        names.add(BIOGRAPHY);
        return names;
    }

    private static SeedFile.InvalidSeedFileException problem(Path path, String where, String field, String message) {
        return new SeedFile.InvalidSeedFileException("Seed file " + path + ", entry " + where + ", field '" + field
                + "': " + message);
    }
}
