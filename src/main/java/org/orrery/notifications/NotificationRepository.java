package org.orrery.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Notifications and their items (tables {@code notification}, {@code notification_item}), in plain SQL. */
@Repository
public class NotificationRepository {

    private static final String SELECT = "SELECT n.*, c.name AS client_name FROM notification n"
            + " LEFT JOIN api_client c ON c.client_id = n.client_id";

    /**
     * What the owner sees of their notifications: all of them, except that a locked record's permission
     * notifications are hidden (a locked researcher cannot authorise applications, wave-2 spec §5.6).
     */
    private static final String SHOWN = " AND NOT (n.kind = 'PERMISSION' AND EXISTS (SELECT 1 FROM researcher r"
            + " WHERE r.orcid = n.orcid AND r.record_state = 'LOCKED'))";

    private final JdbcTemplate jdbc;

    NotificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new notification with its items; answers its put-code. */
    long insert(String orcid, NotificationKind kind, String clientId, String subject, String intro,
            String authorizationPath, List<NotificationItem> items, Instant now) {
        var keys = new GeneratedKeyHolder();
        this.jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO notification (orcid, kind, client_id, subject,"
                    + " intro, authorization_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
            statement.setString(1, orcid);
            statement.setString(2, kind.name());
            statement.setString(3, clientId);
            statement.setString(4, subject);
            statement.setString(5, intro);
            statement.setString(6, authorizationPath);
            statement.setTimestamp(7, Timestamp.from(now));
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        for (int i = 0; i < items.size(); i++) {
            insertItem(id, i, items.get(i));
        }
        return id;
    }

    void insertItem(long id, int index, NotificationItem item) {
        NotificationItem.ExternalId ext = item.externalId();
        this.jdbc.update("INSERT INTO notification_item (notification_id, item_index, item_type, item_name,"
                + " external_id_type, external_id_value, external_id_url, external_id_rel, action)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, index, item.itemType(), item.itemName(),
                ext == null ? null : ext.type(), ext == null ? null : ext.value(), ext == null ? null : ext.url(),
                ext == null ? null : ext.relationship(), item.action());
    }

    int itemCount(long id) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM notification_item WHERE notification_id = ?",
                Integer.class, id);
        return count == null ? 0 : count;
    }

    /** The notification with this put-code on this record. */
    public Optional<Notification> find(String orcid, long putCode) {
        return withItems(this.jdbc.query(SELECT + " WHERE n.orcid = ? AND n.id = ?", NotificationRepository::map,
                orcid, putCode)).stream().findFirst();
    }

    /** This client's notifications of a kind on a record, oldest first, at most {@code limit}. */
    public List<Notification> ofClient(String orcid, String clientId, NotificationKind kind, int limit) {
        return withItems(this.jdbc.query(SELECT + " WHERE n.orcid = ? AND n.client_id = ? AND n.kind = ?"
                + " ORDER BY n.created_at, n.id LIMIT " + limit, NotificationRepository::map, orcid, clientId,
                kind.name()));
    }

    /** A researcher's inbox, newest first: {@code limit} notifications from {@code offset}. */
    public List<Notification> inbox(String orcid, boolean includeArchived, int offset, int limit) {
        return withItems(this.jdbc.query(SELECT + " WHERE n.orcid = ?" + SHOWN
                + (includeArchived ? "" : " AND n.archived_at IS NULL")
                + " ORDER BY n.created_at DESC, n.id DESC LIMIT " + limit + " OFFSET " + offset,
                NotificationRepository::map, orcid));
    }

    public int count(String orcid, boolean includeArchived) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM notification n WHERE n.orcid = ?" + SHOWN
                + (includeArchived ? "" : " AND n.archived_at IS NULL"), Integer.class, orcid);
        return count == null ? 0 : count;
    }

    /** Notifications neither read nor archived (the header's badge). */
    public int unreadCount(String orcid) {
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM notification n WHERE n.orcid = ?" + SHOWN
                + " AND n.read_at IS NULL AND n.archived_at IS NULL", Integer.class, orcid);
        return count == null ? 0 : count;
    }

    /** The newest amended notification of this client that the researcher has not seen yet, if any. */
    Optional<Long> openAmended(String orcid, String clientId) {
        return this.jdbc.queryForList("SELECT id FROM notification WHERE orcid = ? AND client_id = ? AND kind = ?"
                + " AND read_at IS NULL AND archived_at IS NULL AND sent_at IS NULL AND mail_skipped_at IS NULL"
                + " ORDER BY id DESC LIMIT 1", Long.class, orcid, clientId, NotificationKind.AMENDED.name())
            .stream()
            .findFirst();
    }

    /** The researcher's notifications not yet mailed, read or archived, oldest first (at most 1000). */
    List<Notification> waiting(String orcid) {
        return withItems(this.jdbc.query(SELECT + " WHERE n.orcid = ? AND n.sent_at IS NULL AND n.mail_skipped_at IS NULL"
                + " AND n.read_at IS NULL AND n.archived_at IS NULL ORDER BY n.created_at, n.id LIMIT 1000",
                NotificationRepository::map, orcid));
    }

    /** Sets {@code sent_at} or {@code mail_skipped_at} of these notifications. */
    void mark(List<Long> ids, String column, Instant at) {
        if (!Set.of("sent_at", "mail_skipped_at").contains(column) || ids.isEmpty()) {
            throw new IllegalArgumentException(column);
        }
        StringBuilder in = new StringBuilder();
        for (Long id : ids) {
            in.append(in.length() == 0 ? "" : ",").append(id.longValue());
        }
        this.jdbc.update("UPDATE notification SET " + column + " = ? WHERE id IN (" + in + ")", Timestamp.from(at));
    }

    boolean markRead(String orcid, long putCode, Instant now) {
        return this.jdbc.update("UPDATE notification SET read_at = ? WHERE orcid = ? AND id = ? AND read_at IS NULL",
                Timestamp.from(now), orcid, putCode) == 1;
    }

    boolean markActioned(String orcid, long putCode, Instant now) {
        Timestamp at = Timestamp.from(now);
        return this.jdbc.update("UPDATE notification SET actioned_at = COALESCE(actioned_at, ?),"
                + " read_at = COALESCE(read_at, ?) WHERE orcid = ? AND id = ?", at, at, orcid, putCode) == 1;
    }

    boolean archive(String orcid, long putCode, Instant now) {
        return this.jdbc.update("UPDATE notification SET archived_at = ? WHERE orcid = ? AND id = ?"
                + " AND archived_at IS NULL", Timestamp.from(now), orcid, putCode) == 1;
    }

    private List<Notification> withItems(List<Notification> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<NotificationItem>> items = new LinkedHashMap<>();
        StringBuilder in = new StringBuilder();
        for (Notification notification : found) {
            items.put(notification.putCode(), new ArrayList<>());
            in.append(in.length() == 0 ? "" : ",").append(notification.putCode());
        }
        this.jdbc.query("SELECT * FROM notification_item WHERE notification_id IN (" + in
                + ") ORDER BY notification_id, item_index, id", rs -> {
                    String type = rs.getString("external_id_type");
                    NotificationItem.ExternalId ext = type == null ? null
                            : new NotificationItem.ExternalId(type, rs.getString("external_id_value"),
                                    rs.getString("external_id_url"), rs.getString("external_id_rel"));
                    items.get(rs.getLong("notification_id")).add(new NotificationItem(rs.getString("item_type"),
                            rs.getString("item_name"), ext, rs.getString("action")));
                });
        List<Notification> complete = new ArrayList<>();
        for (Notification n : found) {
            complete.add(new Notification(n.putCode(), n.orcid(), n.kind(), n.clientId(), n.clientName(), n.subject(),
                    n.intro(), n.authorizationPath(), n.createdAt(), n.sentAt(), n.readAt(), n.actionedAt(),
                    n.archivedAt(), items.get(n.putCode())));
        }
        return complete;
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("orcid"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("client_id"), rs.getString("client_name"), rs.getString("subject"), rs.getString("intro"),
                rs.getString("authorization_path"), instant(rs, "created_at"), instant(rs, "sent_at"),
                instant(rs, "read_at"), instant(rs, "actioned_at"), instant(rs, "archived_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
