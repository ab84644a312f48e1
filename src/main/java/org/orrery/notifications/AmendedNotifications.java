package org.orrery.notifications;

import java.time.Instant;
import java.util.List;

import org.orrery.record.ItemType;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordItemHook;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Writes an amended notification when a client (not the researcher) adds, updates or deletes an item of a record
 * (wave-2 spec §4.2), in the write's own transaction. Changes by one client accumulate in its newest amended
 * notification while the researcher has not read, archived or been mailed it (at most {@value #MAX_ITEMS} items),
 * so that a bulk of works is one notification, not a hundred.
 */
@Component
class AmendedNotifications implements RecordItemHook {

    static final int MAX_ITEMS = 100;

    private final NotificationRepository notifications;

    AmendedNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public void afterWrite(String orcid, ItemType type, RecordItem item, Change change, String clientId) {
        if (clientId == null) {
            return; // the researcher's own change
        }
        NotificationItem listed = new NotificationItem(type.itemPath(), name(type, item.body()),
                externalId(type, item.body()), change.name());
        Long open = this.notifications.openAmended(orcid, clientId).orElse(null);
        if (open != null) {
            int count = this.notifications.itemCount(open);
            if (count < MAX_ITEMS) {
                this.notifications.insertItem(open, count, listed);
                return;
            }
        }
        this.notifications.insert(orcid, NotificationKind.AMENDED, clientId, null, null, null, List.of(listed),
                Instant.now());
    }

    /** A short name of the item for the inbox (at most 1000 characters). */
    static String name(ItemType type, JsonNode body) {
        String name = switch (type) {
            case OTHER_NAME, KEYWORD -> text(body, "/content");
            case RESEARCHER_URL -> first(text(body, "/url-name"), text(body, "/url/value"));
            case EMAIL -> text(body, "/email");
            case ADDRESS -> text(body, "/country/value");
            case EXTERNAL_IDENTIFIER -> text(body, "/external-id-type") + ": " + text(body, "/external-id-value");
            case WORK, FUNDING -> text(body, "/title/title/value");
            case PEER_REVIEW -> first(text(body, "/subject-name/title/value"), text(body, "/review-group-id"));
            case RESEARCH_RESOURCE -> text(body, "/proposal/title/title/value");
            default -> first(join(text(body, "/role-title"), text(body, "/organization/name")),
                    text(body, "/department-name"));
        };
        name = name.isBlank() ? type.label() : name.trim();
        return name.length() > 1000 ? name.substring(0, 1000) : name;
    }

    private static NotificationItem.ExternalId externalId(ItemType type, JsonNode body) {
        JsonNode ids = type == ItemType.PEER_REVIEW ? body.path("review-identifiers")
                : type == ItemType.RESEARCH_RESOURCE ? body.path("proposal").path("external-ids")
                        : body.path("external-ids");
        for (JsonNode id : ids.path("external-id")) {
            String idType = text(id, "/external-id-type");
            String value = text(id, "/external-id-value");
            if (!idType.isBlank() && !value.isBlank() && idType.length() <= 1000 && value.length() <= 2000) {
                String relationship = text(id, "/external-id-relationship");
                return new NotificationItem.ExternalId(idType, value, null,
                        relationship.equals("self") || relationship.equals("part-of") ? relationship : null);
            }
        }
        return null;
    }

    private static String join(String first, String second) {
        if (first.isBlank()) {
            return second;
        }
        return second.isBlank() ? first : first + ", " + second;
    }

    private static String first(String first, String second) {
        return first.isBlank() ? second : first;
    }

    private static String text(JsonNode body, String pointer) {
        JsonNode node = body.at(pointer);
        return node.isValueNode() ? node.asString() : "";
    }
}
