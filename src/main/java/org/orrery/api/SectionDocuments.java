package org.orrery.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.orrery.record.ActivityGroups;
import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.orrery.record.schema.DocumentSchemas;
import org.orrery.record.schema.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section documents: a person section's item list, and an activity section's grouped summaries
 * ({@code activities:group}, {@code activities:affiliation-group}, peer reviews' nested groups).
 */
final class SectionDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ItemJson items;

    SectionDocuments(ItemJson items) {
        this.items = items;
    }

    /** The list element of a person section: {@code other-names}, {@code emails}, {@code addresses}, ... */
    static String personListName(ItemType type) {
        return type.schema().name() + (type == ItemType.ADDRESS ? "es" : "s");
    }

    static Node personListSchema(ItemType type) {
        return DocumentSchemas.personList(type.schema().prefix(), personListName(type), type.schema());
    }

    /** A person section from items the reader may see, plus any extra entries (the account's email). */
    Doc personSection(String orcid, ItemType type, List<RecordItem> visible, List<ObjectNode> extra) {
        ObjectNode json = NODES.objectNode();
        ArrayNode list = NODES.arrayNode();
        Instant latest = latest(visible);
        for (ObjectNode entry : extra) {
            list.add(entry);
            long modified = entry.path("last-modified-date").path("value").asLong(0);
            if (modified > 0 && (latest == null || latest.toEpochMilli() < modified)) {
                latest = Instant.ofEpochMilli(modified);
            }
        }
        for (RecordItem item : visible) {
            ObjectNode entry = this.items.full(item);
            if (type == ItemType.EMAIL) {
                entry.put("verified", true);
                entry.put("primary", false);
            }
            list.add(entry);
        }
        json.set("last-modified-date", ItemJson.date(latest));
        json.set(type.schema().name(), list);
        json.put("path", "/" + orcid + "/" + type.listPath());
        return new Doc(personListSchema(type), json);
    }

    static Node activitySchema(ItemType type) {
        if (type == ItemType.PEER_REVIEW) {
            return DocumentSchemas.peerReviewList(type.summarySchema());
        }
        if (type.isAffiliation()) {
            return DocumentSchemas.affiliationList(type.listPath(), type.summarySchema());
        }
        return DocumentSchemas.groupedList(type.listPath(), type.summarySchema());
    }

    /** An activity section of grouped summaries, from the items the reader may see. */
    Doc activitySection(String orcid, ItemType type, List<RecordItem> visible) {
        ObjectNode json = NODES.objectNode();
        json.set("last-modified-date", ItemJson.date(latest(visible)));
        ArrayNode groups = NODES.arrayNode();
        if (type == ItemType.PEER_REVIEW) {
            for (Map.Entry<String, List<RecordItem>> byGroupId : ActivityGroups.byReviewGroupId(visible).entrySet()) {
                ObjectNode group = groups.addObject();
                group.set("last-modified-date", ItemJson.date(latest(byGroupId.getValue())));
                ObjectNode id = NODES.objectNode();
                id.put("external-id-type", "peer-review");
                id.put("external-id-value", byGroupId.getKey());
                group.set("external-ids", externalIds(List.of(id)));
                ArrayNode duplicates = group.putArray("peer-review-group");
                for (ActivityGroups.Group inner : ActivityGroups.byExternalIds(byGroupId.getValue())) {
                    duplicates.add(group(inner, type, "peer-review-summary", false));
                }
            }
            json.set("group", groups);
        }
        else {
            boolean affiliation = type.isAffiliation();
            for (ActivityGroups.Group group : ActivityGroups.byExternalIds(visible)) {
                groups.add(group(group, type, type.summarySchema().name(), affiliation));
            }
            json.set(affiliation ? "affiliation-group" : "group", groups);
        }
        json.put("path", "/" + orcid + "/" + type.listPath());
        return new Doc(activitySchema(type), json);
    }

    private ObjectNode group(ActivityGroups.Group group, ItemType type, String summaryName, boolean wrapped) {
        ObjectNode json = NODES.objectNode();
        json.set("last-modified-date", ItemJson.date(latest(group.items())));
        json.set("external-ids", externalIds(group.externalIds()));
        ArrayNode summaries = json.putArray(wrapped ? "summaries" : summaryName);
        for (RecordItem item : group.items()) {
            if (wrapped) {
                summaries.addObject().set(summaryName, this.items.summary(item));
            }
            else {
                summaries.add(this.items.summary(item));
            }
        }
        return json;
    }

    private static ObjectNode externalIds(List<? extends JsonNode> ids) {
        ObjectNode json = NODES.objectNode();
        ArrayNode list = json.putArray("external-id");
        ids.forEach(list::add);
        return json;
    }

    static Instant latest(List<RecordItem> items) {
        return items.stream().map(RecordItem::modifiedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    static List<RecordItem> ofType(List<RecordItem> items, ItemType type) {
        List<RecordItem> matching = new ArrayList<>();
        for (RecordItem item : items) {
            if (item.type() == type) {
                matching.add(item);
            }
        }
        return matching;
    }
}
