package org.orrery.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.orrery.notifications.NotificationRefusal.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member API's permission notifications (ORCID wave 2 §4.1): a client creates one on a record, lists and
 * reads its own, and archives one the researcher has not read yet. The authorization URL must lead to this
 * registry's {@code /oauth/authorize} for the sending client: only its path and query are kept, so the inbox's
 * "Grant permissions" never sends a researcher anywhere else.
 */
@Service
public class PermissionNotifications {

    /** ORCID's {@code MAX_NOTIFICATIONS_AVAILABLE}: the most a list answers. */
    public static final int MAX_LISTED = 1000;

    static final int MAX_ITEMS = 1000;

    static final Set<String> ITEM_TYPES = Set.of("employment", "education", "qualification", "invited-position",
            "distinction", "membership", "service", "funding", "work", "peer-review");

    private static final String AUTHORIZE_PATH = "/oauth/authorize";

    private final NotificationRepository notifications;

    PermissionNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Stores a permission notification from this client on the record; answers its put-code. */
    @Transactional
    public long create(String orcid, String clientId, PermissionRequest request) {
        if (request.notificationType() != null && !"permission".equals(request.notificationType())) {
            throw invalid("notification-type must be permission, not '" + request.notificationType() + "'");
        }
        String path = authorizationPath(request, clientId);
        String subject = trimmed(request.subject());
        if (subject != null && subject.length() > 1000) {
            throw invalid("notification-subject must be at most 1000 characters");
        }
        String intro = trimmed(request.intro());
        if (intro != null && intro.length() > 1000) {
            throw invalid("notification-intro must be at most 1000 characters");
        }
        if (request.items().isEmpty()) {
            throw invalid("items must hold at least one item");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw invalid("items may hold at most " + MAX_ITEMS + " items");
        }
        List<NotificationItem> items = request.items().stream().map(PermissionNotifications::checked).toList();
        return this.notifications.insert(orcid, NotificationKind.PERMISSION, clientId, subject, intro, path, items,
                Instant.now());
    }

    /** This client's permission notifications on the record, oldest first (at most {@link #MAX_LISTED}). */
    public List<Notification> list(String orcid, String clientId) {
        return this.notifications.ofClient(orcid, clientId, NotificationKind.PERMISSION, MAX_LISTED);
    }

    /** One of this client's notifications. */
    public Notification read(String orcid, long putCode, String clientId) {
        Notification found = find(orcid, putCode);
        if (!clientId.equals(found.clientId())) {
            throw new NotificationRefusal(Reason.NOT_YOURS, "This notification does not belong to " + clientId);
        }
        return found;
    }

    /** Archives one of this client's notifications that the researcher has not read; answers it archived. */
    @Transactional
    public Notification archive(String orcid, long putCode, String clientId) {
        Notification found = find(orcid, putCode);
        if (!clientId.equals(found.clientId())) {
            throw new NotificationRefusal(Reason.NOT_SOURCE,
                    "You are not the source of notification " + putCode + ", so you are not allowed to archive it");
        }
        if (found.read()) {
            throw new NotificationRefusal(Reason.ALREADY_READ,
                    "The notification " + putCode + " has already been read by the user, so it cannot be archived");
        }
        this.notifications.archive(orcid, putCode, Instant.now());
        return find(orcid, putCode);
    }

    private Notification find(String orcid, long putCode) {
        return this.notifications.find(orcid, putCode)
            .filter(found -> found.kind() == NotificationKind.PERMISSION)
            .orElseThrow(() -> new NotificationRefusal(Reason.NOT_FOUND,
                    "Could not find notification with id: " + putCode + " for ORCID: " + orcid));
    }

    /** The path and query of the authorization URL, checked to lead to this client's authorization. */
    private static String authorizationPath(PermissionRequest request, String clientId) {
        String given = trimmed(request.authorizationUri()) != null ? request.authorizationUri().trim()
                : trimmed(request.authorizationPath());
        if (given == null) {
            throw invalid("authorization-url must have a uri or a path");
        }
        URI uri;
        try {
            uri = new URI(given);
        }
        catch (URISyntaxException ex) {
            throw invalid("authorization-url '" + given + "' is not a valid URI");
        }
        if (uri.getRawPath() == null || !uri.getRawPath().endsWith(AUTHORIZE_PATH)
                || (uri.getScheme() == null && !uri.getRawPath().equals(AUTHORIZE_PATH))) {
            throw invalid("authorization-url must lead to " + AUTHORIZE_PATH);
        }
        if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("https")
                && !uri.getScheme().equalsIgnoreCase("http")) {
            throw invalid("authorization-url must be an http or https URL");
        }
        String query = uri.getRawQuery();
        if (query == null || !clientId.equals(parameter(query, "client_id"))) {
            throw invalid("authorization-url must carry client_id=" + clientId);
        }
        return AUTHORIZE_PATH + "?" + query;
    }

    private static String parameter(String query, String name) {
        String found = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                if (found != null) {
                    return null; // twice is once too many
                }
                try {
                    found = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
                catch (IllegalArgumentException ex) {
                    return null;
                }
            }
        }
        return found;
    }

    private static NotificationItem checked(NotificationItem item) {
        if (item.itemType() == null || !ITEM_TYPES.contains(item.itemType().trim())) {
            throw invalid("item-type must be one of " + String.join(", ", ITEM_TYPES.stream().sorted().toList())
                    + ", not '" + item.itemType() + "'");
        }
        String name = trimmed(item.itemName());
        if (name == null) {
            throw invalid("item-name is required");
        }
        if (name.length() > 1000) {
            throw invalid("item-name must be at most 1000 characters");
        }
        NotificationItem.ExternalId ext = item.externalId();
        if (ext != null) {
            if (trimmed(ext.type()) == null || trimmed(ext.value()) == null) {
                throw invalid("external-id needs an external-id-type and an external-id-value");
            }
            if (ext.type().length() > 1000 || ext.value().length() > 2000
                    || (ext.url() != null && ext.url().length() > 2000)) {
                throw invalid("external-id is too long");
            }
            if (ext.relationship() != null && !Set.of("self", "part-of").contains(ext.relationship())) {
                throw invalid("external-id-relationship must be self or part-of");
            }
            if (ext.url() != null && !ext.url().isBlank() && !isWebUrl(ext.url().trim())) {
                throw invalid("external-id-url must be an http, https or ftp URL");
            }
        }
        return new NotificationItem(item.itemType().trim(), name, ext == null ? null
                : new NotificationItem.ExternalId(ext.type().trim(), ext.value().trim(),
                        ext.url() == null || ext.url().isBlank() ? null : ext.url().trim(), ext.relationship()),
                null);
    }

    private static boolean isWebUrl(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && Set.of("http", "https", "ftp").contains(scheme.toLowerCase());
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static NotificationRefusal invalid(String message) {
        return new NotificationRefusal(Reason.INVALID, message);
    }
}
