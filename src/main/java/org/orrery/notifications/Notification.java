package org.orrery.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A notification in a researcher's inbox, as stored. The put-code is its identity. {@code clientName} is the
 * sending client's current name.
 */
public record Notification(long putCode, String orcid, NotificationKind kind, String clientId, String clientName,
        String subject, String intro, String authorizationPath, Instant createdAt, Instant sentAt, Instant readAt,
        Instant actionedAt, Instant archivedAt, List<NotificationItem> items) {

    public Notification {
        items = List.copyOf(items);
    }

    public boolean archived() {
        return this.archivedAt != null;
    }

    public boolean read() {
        return this.readAt != null;
    }
}
