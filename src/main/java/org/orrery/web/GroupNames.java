package org.orrery.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names of the peer-review groups (the {@code peer_review_group} table of {@code /group-id-record}) that a
 * record's peer reviews name, read only: a page never creates a group.
 */
@Component
class GroupNames {

    private final JdbcTemplate jdbc;

    GroupNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Group-id key ({@link #key}) to name, for the review groups these items name. */
    Map<String, String> of(Collection<RecordItem> items) {
        List<String> keys = items.stream()
            .filter(item -> item.type() == ItemType.PEER_REVIEW)
            .map(item -> key(item.body().path("review-group-id").asString("")))
            .filter(key -> !key.isEmpty())
            .distinct()
            .toList();
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        this.jdbc.query("SELECT group_key, name FROM peer_review_group WHERE group_key IN (" + marks + ")",
                rs -> {
                    names.put(rs.getString("group_key"), rs.getString("name"));
                }, keys.toArray());
        return names;
    }

    /** Group-ids compare as ORCID compares them: trimmed, ignoring case. */
    static String key(String groupId) {
        return groupId.trim().toLowerCase(Locale.ROOT);
    }
}
