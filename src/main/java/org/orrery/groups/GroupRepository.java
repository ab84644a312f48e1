package org.orrery.groups;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code peer_review_group} table (V90), and the peer reviews that name a group. */
@Repository
class GroupRepository {

    private static final String SELECT = "SELECT put_code, group_id, name, description, group_type, source_client_id,"
            + " created_at, modified_at FROM peer_review_group";

    private final JdbcTemplate jdbc;

    GroupRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    Optional<PeerReviewGroup> find(long putCode) {
        return this.jdbc.query(SELECT + " WHERE put_code = ?", GroupRepository::map, putCode).stream().findFirst();
    }

    Optional<PeerReviewGroup> findByGroupId(String groupId) {
        return this.jdbc.query(SELECT + " WHERE group_key = ?", GroupRepository::map, key(groupId)).stream()
            .findFirst();
    }

    Optional<PeerReviewGroup> findByName(String name) {
        return this.jdbc.query(SELECT + " WHERE name_key = ? ORDER BY put_code", GroupRepository::map, key(name))
            .stream().findFirst();
    }

    /** One page (1-based) in creation order. */
    List<PeerReviewGroup> page(int page, int pageSize) {
        long offset = (long) (page - 1) * pageSize;
        return this.jdbc.query(SELECT + " ORDER BY created_at, put_code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                GroupRepository::map, offset, pageSize);
    }

    Optional<Instant> lastModified() {
        return Optional.ofNullable(this.jdbc.queryForObject("SELECT MAX(modified_at) FROM peer_review_group",
                Timestamp.class)).map(Timestamp::toInstant);
    }

    long insert(String groupId, String name, String description, String type, String sourceClientId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO peer_review_group (group_id,"
                    + " group_key, name, name_key, description, group_type, source_client_id, created_at, modified_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "put_code" });
            statement.setString(1, groupId);
            statement.setString(2, key(groupId));
            statement.setString(3, name);
            statement.setString(4, key(name));
            statement.setString(5, description);
            statement.setString(6, type);
            statement.setString(7, sourceClientId);
            statement.setTimestamp(8, Timestamp.from(now));
            statement.setTimestamp(9, Timestamp.from(now));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void update(long putCode, String groupId, String name, String description, String type, Instant now) {
        this.jdbc.update("UPDATE peer_review_group SET group_id = ?, group_key = ?, name = ?, name_key = ?,"
                + " description = ?, group_type = ?, modified_at = ? WHERE put_code = ?", groupId, key(groupId), name,
                key(name), description, type, Timestamp.from(now), putCode);
    }

    void delete(long putCode) {
        this.jdbc.update("DELETE FROM peer_review_group WHERE put_code = ?", putCode);
    }

    /** True when any peer review on any record names this group-id (compared as ORCID does, case-insensitively). */
    boolean isReferenced(String groupId) {
        String escaped = key(groupId).replace("\\", "\\\\").replace("\"", "\\\"");
        String like = "%\"review-group-id\":\"" + escaped.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "\"%";
        Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM record_item WHERE item_type = 'PEER_REVIEW'"
                + " AND LOWER(body) LIKE ? ESCAPE '\\'", Integer.class, like);
        return count != null && count > 0;
    }

    private static PeerReviewGroup map(ResultSet rs, int row) throws SQLException {
        return new PeerReviewGroup(rs.getLong("put_code"), rs.getString("group_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("group_type"), rs.getString("source_client_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant());
    }
}
