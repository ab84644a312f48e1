package org.orrery.record;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Record items in {@code record_item}. Reads join the source's name: the client's name, or the researcher's
 * display name for items the researcher added.
 * <p>
 * Parsing the stored JSON bodies was most of the work of reading a large record, so parsed bodies are kept by
 * put-code and reused while the stored text is exactly the same (compared in full on every read: never stale).
 * The cache holds at most about {@value #CACHED_BODY_CHARS} characters of body text and starts again empty when
 * full. Bodies in returned items are shared between readers: nothing may change them.
 * <p>
 * Every write raises the record's version ({@link RecordVersions}); callers run writes in a transaction.
 */
@Repository
public class ItemRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SELECT = "SELECT i.*, c.name AS client_name, r.given_names, r.family_name,"
            + " r.credit_name FROM record_item i JOIN researcher r ON r.orcid = i.orcid"
            + " LEFT JOIN api_client c ON c.client_id = i.source_client_id";

    private static final String ORDER = " ORDER BY i.display_index DESC, i.put_code";

    static final int CACHED_BODY_CHARS = 4_000_000;

    private final JdbcTemplate jdbc;

    private final RecordVersions versions;

    private final Map<Long, ParsedBody> bodies = new ConcurrentHashMap<>();

    private final AtomicLong cachedChars = new AtomicLong();

    /** A stored body and its parsed tree. */
    private record ParsedBody(String text, ObjectNode tree) {
    }

    public ItemRepository(JdbcTemplate jdbc, RecordVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** Stores a new item and returns its put-code. */
    public PutCode insert(String orcid, ItemType type, String sourceClientId, Visibility visibility, ObjectNode body,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        String json = JSON.writeValueAsString(body);
        this.versions.raise(orcid);
        this.jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO record_item (orcid, item_type, source_client_id, visibility, display_index,"
                            + " created_at, modified_at, body) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                    new String[] { "put_code" });
            statement.setString(1, orcid);
            statement.setString(2, type.name());
            statement.setString(3, sourceClientId);
            statement.setString(4, visibility.name());
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setString(7, json);
            return statement;
        }, keys);
        return new PutCode(keys.getKey().longValue());
    }

    public void updateBody(String orcid, PutCode putCode, ObjectNode body, Instant now) {
        this.versions.raise(orcid);
        this.jdbc.update("UPDATE record_item SET body = ?, modified_at = ? WHERE orcid = ? AND put_code = ?",
                JSON.writeValueAsString(body), Timestamp.from(now), orcid, putCode.value());
    }

    public void updateVisibility(String orcid, PutCode putCode, Visibility visibility, Instant now) {
        this.versions.raise(orcid);
        this.jdbc.update("UPDATE record_item SET visibility = ?, modified_at = ? WHERE orcid = ? AND put_code = ?",
                visibility.name(), Timestamp.from(now), orcid, putCode.value());
    }

    public boolean delete(String orcid, PutCode putCode) {
        this.versions.raise(orcid);
        return this.jdbc.update("DELETE FROM record_item WHERE orcid = ? AND put_code = ?", orcid,
                putCode.value()) > 0;
    }

    public Optional<RecordItem> find(String orcid, PutCode putCode) {
        return this.jdbc.query(SELECT + " WHERE i.orcid = ? AND i.put_code = ?", this::map, orcid, putCode.value())
            .stream()
            .findFirst();
    }

    public List<RecordItem> findAll(String orcid) {
        return this.jdbc.query(SELECT + " WHERE i.orcid = ?" + ORDER, this::map, orcid);
    }

    /** Items of one kind that one source added ({@code clientId} null: the researcher). */
    public List<RecordItem> findByTypeAndSource(String orcid, ItemType type, String clientId) {
        if (clientId == null) {
            return this.jdbc.query(SELECT + " WHERE i.orcid = ? AND i.item_type = ? AND i.source_client_id IS NULL"
                    + ORDER, this::map, orcid, type.name());
        }
        return this.jdbc.query(SELECT + " WHERE i.orcid = ? AND i.item_type = ? AND i.source_client_id = ?" + ORDER,
                this::map, orcid, type.name(), clientId);
    }

    public List<RecordItem> findByTypes(String orcid, Collection<ItemType> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", types.stream().map(t -> "?").toList());
        Object[] args = new Object[types.size() + 1];
        args[0] = orcid;
        int i = 1;
        for (ItemType type : types) {
            args[i++] = type.name();
        }
        return this.jdbc.query(SELECT + " WHERE i.orcid = ? AND i.item_type IN (" + marks + ")" + ORDER, this::map,
                args);
    }

    private RecordItem map(ResultSet rs, int row) throws SQLException {
        String clientId = rs.getString("source_client_id");
        String name = clientId != null ? rs.getString("client_name")
                : researcherName(rs.getString("given_names"), rs.getString("family_name"), rs.getString("credit_name"));
        return new RecordItem(rs.getString("orcid"), new PutCode(rs.getLong("put_code")),
                ItemType.valueOf(rs.getString("item_type")), new Source(clientId, name == null ? clientId : name),
                Visibility.valueOf(rs.getString("visibility")), rs.getInt("display_index"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("modified_at").toInstant(),
                body(rs.getLong("put_code"), rs.getString("body")));
    }

    private ObjectNode body(long putCode, String text) {
        ParsedBody cached = this.bodies.get(putCode);
        if (cached != null && cached.text().equals(text)) {
            return cached.tree();
        }
        ObjectNode tree = (ObjectNode) JSON.readTree(text);
        if (this.cachedChars.addAndGet(text.length()) > CACHED_BODY_CHARS) {
            this.bodies.clear();
            this.cachedChars.set(text.length());
        }
        this.bodies.put(putCode, new ParsedBody(text, tree));
        return tree;
    }

    static String researcherName(String given, String family, String credit) {
        if (credit != null && !credit.isBlank()) {
            return credit;
        }
        return family == null || family.isBlank() ? given : given + " " + family;
    }
}
