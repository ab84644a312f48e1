package org.orrery.notifications;

import java.util.List;

/**
 * A permission notification as a client posts it: the authorization URL (its {@code uri} or {@code path}), the
 * subject and intro shown to the researcher, and the items it will add once permission is granted.
 */
public record PermissionRequest(String notificationType, String authorizationUri, String authorizationPath,
        String subject, String intro, List<NotificationItem> items) {

    public PermissionRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
