package org.orrery.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Groups activity summaries as ORCID does: items that share a groupable external identifier (any relationship
 * but {@code part-of} and {@code funded-by}) fall into one group, transitively; an item without one is a group
 * of its own. Peer reviews are grouped first by their review group id, then by their review identifiers.
 */
public final class ActivityGroups {

    private ActivityGroups() {
    }

    /** One group: its members and the union of their groupable external identifiers. */
    public record Group(List<RecordItem> items, List<JsonNode> externalIds) {
    }

    /** Groups items by external identifiers, keeping the order in which each group's first item came. */
    public static List<Group> byExternalIds(List<RecordItem> items) {
        int[] parent = new int[items.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> owner = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (JsonNode id : groupableIds(items.get(i))) {
                Integer previous = owner.putIfAbsent(key(id), i);
                if (previous != null) {
                    union(parent, previous, i);
                }
            }
        }
        Map<Integer, List<RecordItem>> members = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(items.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (List<RecordItem> group : members.values()) {
            Map<String, JsonNode> ids = new LinkedHashMap<>();
            for (RecordItem item : group) {
                for (JsonNode id : groupableIds(item)) {
                    ids.putIfAbsent(key(id), id);
                }
            }
            groups.add(new Group(List.copyOf(group), List.copyOf(ids.values())));
        }
        return groups;
    }

    /** Peer reviews by {@code review-group-id}, in first-seen order. */
    public static Map<String, List<RecordItem>> byReviewGroupId(List<RecordItem> reviews) {
        Map<String, List<RecordItem>> groups = new LinkedHashMap<>();
        for (RecordItem review : reviews) {
            groups.computeIfAbsent(review.body().path("review-group-id").asString(""), k -> new ArrayList<>())
                .add(review);
        }
        return groups;
    }

    /** The external identifiers an item is grouped by. */
    public static List<JsonNode> groupableIds(RecordItem item) {
        JsonNode ids = item.type() == ItemType.PEER_REVIEW ? item.body().path("review-identifiers")
                : item.type() == ItemType.RESEARCH_RESOURCE ? item.body().path("proposal").path("external-ids")
                        : item.body().path("external-ids");
        List<JsonNode> groupable = new ArrayList<>();
        for (JsonNode id : ids.path("external-id")) {
            String relationship = id.path("external-id-relationship").asString("");
            if (!relationship.equals("part-of") && !relationship.equals("funded-by")) {
                groupable.add(id);
            }
        }
        return groupable;
    }

    /** Two identifiers are the same when type (ignoring case) and value match. */
    public static String key(JsonNode externalId) {
        return externalId.path("external-id-type").asString("").toLowerCase(Locale.ROOT) + "\u0000"
                + externalId.path("external-id-value").asString("").trim();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
