package org.orrery.api;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.orrery.record.Section;
import org.orrery.record.Source;
import org.orrery.record.schema.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored items into ORCID's JSON form: the metadata (dates, source, put-code, visibility, path, display
 * index) around the item's fields, for the full item or its summary.
 */
final class ItemJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Summary fields that the full item keeps under another name. */
    private static final Map<String, String> PEER_REVIEW_RENAMES = Map.of("external-ids", "review-identifiers",
            "completion-date", "review-completion-date");

    private final String baseUrl;

    private final String host;

    ItemJson(String baseUrl) {
        this.baseUrl = baseUrl;
        this.host = URI.create(baseUrl).getHost();
    }

    ObjectNode full(RecordItem item) {
        ObjectNode json = metadata(item);
        json.setAll(item.body());
        return trailer(json, item);
    }

    ObjectNode summary(RecordItem item) {
        ObjectNode json = metadata(item);
        for (Node field : item.type().summarySchema().children()) {
            String from = item.type() == ItemType.PEER_REVIEW
                    ? PEER_REVIEW_RENAMES.getOrDefault(field.jsonName(), field.jsonName()) : field.jsonName();
            JsonNode value = item.body().get(from);
            json.set(field.jsonName(), value == null ? NODES.nullNode() : value);
        }
        return trailer(json, item);
    }

    private ObjectNode metadata(RecordItem item) {
        ObjectNode json = NODES.objectNode();
        json.set("created-date", date(item.createdAt()));
        json.set("last-modified-date", date(item.modifiedAt()));
        json.set("source", source(item.source(), item.orcid()));
        if (item.type() == ItemType.EMAIL) {
            json.putNull("put-code");
        }
        else {
            json.put("put-code", item.putCode().value());
        }
        return json;
    }

    private ObjectNode trailer(ObjectNode json, RecordItem item) {
        json.put("visibility", item.visibility().orcidName());
        if (item.type() == ItemType.EMAIL) {
            json.putNull("path");
        }
        else {
            json.put("path", item.path());
        }
        if (item.type().section() == Section.ACTIVITY) {
            json.put("display-index", Integer.toString(item.displayIndex()));
        }
        else {
            json.put("display-index", item.displayIndex());
        }
        return json;
    }

    ObjectNode source(Source source, String orcid) {
        ObjectNode json = NODES.objectNode();
        if (source.isResearcher()) {
            json.set("source-orcid", identifier(this.baseUrl + "/" + orcid, orcid));
            json.putNull("source-client-id");
        }
        else {
            json.putNull("source-orcid");
            json.set("source-client-id",
                    identifier(this.baseUrl + "/client/" + source.clientId(), source.clientId()));
        }
        ObjectNode name = json.putObject("source-name");
        name.put("value", source.name());
        json.putNull("assertion-origin-orcid");
        json.putNull("assertion-origin-client-id");
        json.putNull("assertion-origin-name");
        return json;
    }

    ObjectNode identifier(String uri, String path) {
        ObjectNode json = NODES.objectNode();
        json.put("uri", uri);
        json.put("path", path);
        json.put("host", this.host);
        return json;
    }

    static JsonNode date(Instant instant) {
        if (instant == null) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode();
        json.put("value", instant.toEpochMilli());
        return json;
    }
}
