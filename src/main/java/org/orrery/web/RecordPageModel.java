package org.orrery.web;

import java.util.ArrayList;
import java.util.List;

import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordView;
import org.orrery.record.Section;
import org.orrery.record.Visibility;

/** What the record pages show: each section with its items, described, with source and visibility. */
final class RecordPageModel {

    private RecordPageModel() {
    }

    /** One item row. */
    record Row(long putCode, String text, String source, boolean fromResearcher, Visibility visibility,
            ItemDetails details) {
    }

    /** One section: its kind, heading and rows; {@code editable} when the editor has an add form for it. */
    record SectionRows(ItemType type, String heading, String key, boolean editable, List<Row> rows) {
    }

    static List<SectionRows> sections(RecordView view, Section section, boolean editor) {
        List<SectionRows> sections = new ArrayList<>();
        for (ItemType type : ItemType.of(section)) {
            List<Row> rows = new ArrayList<>();
            for (RecordItem item : view.visible()) {
                if (item.type() == type) {
                    rows.add(new Row(item.putCode().value(), ItemText.describe(item), item.source().name(),
                            item.source().isResearcher(), item.visibility(), ItemDetails.of(item)));
                }
            }
            if (editor || !rows.isEmpty()) {
                sections.add(new SectionRows(type, heading(type), type.listPath(), editor && ItemForms.hasForm(type),
                        rows));
            }
        }
        return sections;
    }

    static String heading(ItemType type) {
        return switch (type) {
            case RESEARCHER_URL -> "Websites and social links";
            case EMAIL -> "Other emails";
            case ADDRESS -> "Countries";
            default -> {
                String label = type.label() + (type.label().endsWith("s") ? "" : "s");
                yield Character.toUpperCase(label.charAt(0)) + label.substring(1);
            }
        };
    }
}
