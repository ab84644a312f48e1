package org.orrery.notifications;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification as the inbox page shows it: who sent it, its heading, intro, the items grouped by type (with
 * how many of each), when it came, and whether it is read, archived and can still be granted.
 */
public record InboxEntry(long id, String kind, String clientName, String subject, String intro,
        List<ItemGroup> groups, String received, String receivedIso, boolean read, boolean archived,
        boolean grantable) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** Items of one type: the type (a message key suffix) and the items. */
    public record ItemGroup(String type, List<NotificationItem> items) {

        public int count() {
            return this.items.size();
        }
    }

    static InboxEntry of(Notification n) {
        Map<String, List<NotificationItem>> byType = new LinkedHashMap<>();
        for (NotificationItem item : n.items()) {
            byType.computeIfAbsent(item.itemType(), type -> new ArrayList<>()).add(item);
        }
        List<ItemGroup> groups = byType.entrySet().stream().map(e -> new ItemGroup(e.getKey(), e.getValue())).toList();
        String name = n.clientName() == null ? n.clientId() : n.clientName();
        return new InboxEntry(n.putCode(), n.kind().name().toLowerCase(java.util.Locale.ROOT), name, n.subject(),
                n.intro(), groups, DAY.format(n.createdAt()),
                n.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(), n.read(), n.archived(),
                n.kind() == NotificationKind.PERMISSION && !n.archived() && n.authorizationPath() != null);
    }
}
