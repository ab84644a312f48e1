package org.orrery.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * Reads records for the index straight from the database, many at a time, keeping only public parts: the name
 * when its visibility is public, the biography and primary e-mail likewise, and items whose visibility is public.
 * Records are read in iD order (keyset pages) for rebuilds and sweeps, or by iD for catch-up.
 */
@Repository
class PublicRecords {

    private static final String RESEARCHERS = "SELECT r.orcid, r.given_names, r.family_name, r.credit_name, r.email,"
            + " r.created_at, r.record_version, r.record_state, s.name_visibility, s.email_visibility, s.biography,"
            + " s.biography_visibility, s.modified_at FROM researcher r LEFT JOIN record_settings s"
            + " ON s.orcid = r.orcid";

    private final JdbcTemplate jdbc;

    PublicRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} records whose iD comes after {@code after} (null: from the first), in iD order. */
    List<PublicRecord> page(String after, int limit) {
        List<Row> rows = after == null
                ? this.jdbc.query(RESEARCHERS + " ORDER BY r.orcid FETCH FIRST " + limit + " ROWS ONLY", this::row)
                : this.jdbc.query(RESEARCHERS + " WHERE r.orcid > ? ORDER BY r.orcid FETCH FIRST " + limit
                        + " ROWS ONLY", this::row, after);
        if (rows.isEmpty()) {
            return List.of();
        }
        String first = rows.get(0).orcid;
        String last = rows.get(rows.size() - 1).orcid;
        Map<String, List<PublicRecord.Item>> items = new HashMap<>();
        this.jdbc.query("SELECT orcid, item_type, body FROM record_item WHERE orcid >= ? AND orcid <= ?"
                + " AND visibility = 'PUBLIC'", rs -> {
                    items.computeIfAbsent(rs.getString(1), o -> new ArrayList<>())
                        .add(new PublicRecord.Item(rs.getString(2), rs.getString(3)));
                }, first, last);
        return rows.stream().map(row -> row.toRecord(items.getOrDefault(row.orcid, List.of()))).toList();
    }

    /** These records (those that exist), by iD. */
    List<PublicRecord> find(Collection<String> orcids) {
        if (orcids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", orcids.stream().map(o -> "?").toList());
        Object[] args = orcids.toArray();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : this.jdbc.query(RESEARCHERS + " WHERE r.orcid IN (" + marks + ")", this::row, args)) {
            rows.put(row.orcid, row);
        }
        Map<String, List<PublicRecord.Item>> items = new HashMap<>();
        this.jdbc.query("SELECT orcid, item_type, body FROM record_item WHERE orcid IN (" + marks + ")"
                + " AND visibility = 'PUBLIC'", rs -> {
                    items.computeIfAbsent(rs.getString(1), o -> new ArrayList<>())
                        .add(new PublicRecord.Item(rs.getString(2), rs.getString(3)));
                }, args);
        return rows.values().stream().map(row -> row.toRecord(items.getOrDefault(row.orcid, List.of()))).toList();
    }

    /** The iDs and versions of records changed at or after this instant (database clock). */
    Map<String, Long> changedSince(Instant since) {
        Map<String, Long> changed = new LinkedHashMap<>();
        this.jdbc.query("SELECT orcid, record_version FROM researcher WHERE record_changed_at >= ?",
                rs -> {
                    changed.put(rs.getString(1), rs.getLong(2));
                }, Timestamp.from(since));
        return changed;
    }

    /** Up to {@code limit} iDs and versions after {@code after}, in iD order (for the sweep). */
    Map<String, Long> versions(String after, int limit) {
        Map<String, Long> versions = new LinkedHashMap<>();
        String sql = "SELECT orcid, record_version FROM researcher" + (after == null ? "" : " WHERE orcid > ?")
                + " ORDER BY orcid FETCH FIRST " + limit + " ROWS ONLY";
        Object[] args = after == null ? new Object[0] : new Object[] { after };
        this.jdbc.query(sql, rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        }, args);
        return versions;
    }

    /** The database's clock now. */
    Instant now() {
        return this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", Timestamp.class).toInstant();
    }

    /** This database's identity, made by whichever node asks first. */
    String epoch() {
        List<String> found = this.jdbc.queryForList("SELECT epoch FROM search_epoch WHERE id = 1", String.class);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        try {
            this.jdbc.update("INSERT INTO search_epoch (id, epoch) VALUES (1, ?)", java.util.UUID.randomUUID().toString());
        }
        catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // another node made it first
        }
        return this.jdbc.queryForObject("SELECT epoch FROM search_epoch WHERE id = 1", String.class);
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("orcid"), rs.getString("given_names"), rs.getString("family_name"),
                rs.getString("credit_name"), rs.getString("email"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("record_version"), rs.getString("record_state"), rs.getString("name_visibility"),
                rs.getString("email_visibility"), rs.getString("biography"), rs.getString("biography_visibility"),
                instant(rs.getTimestamp("modified_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One researcher row; visibilities null when the record has no settings row (defaults apply). */
    private record Row(String orcid, String givenNames, String familyName, String creditName, String email,
            Instant created, long version, String state, String nameVisibility, String emailVisibility,
            String biography, String biographyVisibility, Instant settingsModified) {

        PublicRecord toRecord(List<PublicRecord.Item> items) {
            boolean namePublic = this.nameVisibility == null || this.nameVisibility.equals("PUBLIC");
            boolean emailPublic = "PUBLIC".equals(this.emailVisibility);
            boolean bioPublic = this.biographyVisibility == null || this.biographyVisibility.equals("PUBLIC");
            Instant modified = this.settingsModified != null && this.settingsModified.isAfter(this.created)
                    ? this.settingsModified : this.created;
            return new PublicRecord(this.orcid, this.version, this.state, namePublic ? this.givenNames : null,
                    namePublic ? this.familyName : null, namePublic ? this.creditName : null,
                    emailPublic ? this.email : null, bioPublic ? this.biography : null, this.created, modified,
                    items);
        }
    }
}
