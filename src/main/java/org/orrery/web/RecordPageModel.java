package org.orrery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.orrery.record.ActivityGroups;
import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordView;
import org.orrery.record.Section;
import org.orrery.record.Visibility;

/**
 * What the record pages show: each section with its entries, described, with source and visibility. Activities
 * are grouped as the API groups them ({@link ActivityGroups}): items that share an external identifier are one
 * entry, shown by its preferred version (ORCID's rule: the highest display index, which is the first in the
 * record's order) with every source's version beside it; peer reviews are first grouped under their review group.
 */
final class RecordPageModel {

    private RecordPageModel() {
    }

    /** One item (one source's version). */
    record Row(long putCode, String text, String source, boolean fromResearcher, Visibility visibility,
            ItemDetails details, Map<String, String> fields) {

        /** True when the researcher can change the item's content (they added it, and the editor has a form). */
        public boolean editable() {
            return this.fields != null;
        }
    }

    /** One entry: the versions of one group, the preferred one first. */
    record Entry(List<Row> versions) {

        public Row preferred() {
            return this.versions.get(0);
        }

        public boolean grouped() {
            return this.versions.size() > 1;
        }
    }

    /** Peer reviews of one review group, under the group's name (its group-id when no group has it). */
    record ReviewGroup(String groupId, String name, List<Entry> entries) {
    }

    /**
     * One section: its kind, heading key and entries; {@code editable} when the editor has an add form for it;
     * {@code reviewGroups} holds the same entries under their review group (peer reviews only).
     */
    record SectionRows(ItemType type, String key, boolean editable, List<Entry> entries,
            List<ReviewGroup> reviewGroups) {

        /** Every item of the section, each version once. */
        public List<Row> rows() {
            return this.entries.stream().flatMap(entry -> entry.versions().stream()).toList();
        }
    }

    static List<SectionRows> sections(RecordView view, Section section, boolean editor, Map<String, String> groupNames,
            UnaryOperator<String> typeNames) {
        List<SectionRows> sections = new ArrayList<>();
        for (ItemType type : ItemType.of(section)) {
            List<RecordItem> items = view.visible().stream().filter(item -> item.type() == type).toList();
            if (!editor && items.isEmpty()) {
                continue;
            }
            List<ReviewGroup> reviewGroups = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            if (type == ItemType.PEER_REVIEW) {
                for (Map.Entry<String, List<RecordItem>> group : ActivityGroups.byReviewGroupId(items).entrySet()) {
                    List<Entry> inGroup = entries(group.getValue(), typeNames);
                    reviewGroups.add(new ReviewGroup(group.getKey(),
                            groupNames.getOrDefault(GroupNames.key(group.getKey()), group.getKey()), inGroup));
                    entries.addAll(inGroup);
                }
            }
            else if (section == Section.ACTIVITY) {
                entries.addAll(entries(items, typeNames));
            }
            else {
                items.forEach(item -> entries.add(new Entry(List.of(row(item, typeNames)))));
            }
            sections.add(new SectionRows(type, type.listPath(), editor && ItemForms.hasForm(type), entries,
                    reviewGroups));
        }
        return sections;
    }

    private static List<Entry> entries(List<RecordItem> items, UnaryOperator<String> typeNames) {
        List<Entry> entries = new ArrayList<>();
        for (ActivityGroups.Group group : ActivityGroups.byExternalIds(items)) {
            entries.add(new Entry(group.items().stream().map(item -> row(item, typeNames)).toList()));
        }
        return entries;
    }

    private static Row row(RecordItem item, UnaryOperator<String> typeNames) {
        return new Row(item.putCode().value(), ItemText.describe(item, typeNames), item.source().name(),
                item.source().isResearcher(), item.visibility(), ItemDetails.of(item),
                item.source().isResearcher() && ItemForms.hasForm(item.type())
                        ? ItemForms.fields(item.type(), item.body()) : null);
    }
}
