package org.orrery.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.orrery.record.ItemRepository;
import org.orrery.record.RecordSettings;
import org.orrery.record.RecordSettingsRepository;
import org.orrery.record.RecordVersions;
import org.orrery.record.Visibility;
import org.orrery.registry.Researcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a seeded researcher's record in line with the seed file ({@code sandbox_seed_item} remembers which item
 * each entry made): an unchanged entry is left alone, a changed one updated, a new one added, and an item whose
 * entry left the file removed. Items the researcher or a client added otherwise are not touched. Every change
 * raises the record's version, as every write does. Run inside the seeding transaction.
 */
@Component
class SeedItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    private final ItemRepository items;

    private final RecordVersions versions;

    private final RecordSettingsRepository settings;

    SeedItems(JdbcTemplate jdbc, ItemRepository items, RecordVersions versions, RecordSettingsRepository settings) {
        this.jdbc = jdbc;
        this.items = items;
        this.versions = versions;
        this.settings = settings;
    }

    /** A seeded item's place: researcher, section and position in the file. */
    record Place(String orcid, String section, int position) {
    }

    /** The put-code of every seeded item, by place (to give the same put-codes again after a reset). */
    Map<Place, Long> putCodes() {
        Map<Place, Long> codes = new HashMap<>();
        this.jdbc.query("SELECT orcid, section, position, put_code FROM sandbox_seed_item WHERE put_code IS NOT NULL",
                rs -> {
                    codes.put(new Place(rs.getString("orcid"), rs.getString("section"), rs.getInt("position")),
                            rs.getLong("put_code"));
                });
        return codes;
    }

    /** Applies the record; {@code earlier} gives put-codes to reuse for items that must be made anew. */
    void apply(Researcher researcher, SeedRecord record, Map<Place, Long> earlier) {
        String orcid = researcher.orcid().value();
        Map<Place, Long> seeded = new HashMap<>();
        this.jdbc.query("SELECT section, position, put_code FROM sandbox_seed_item WHERE orcid = ?", rs -> {
            long code = rs.getLong("put_code");
            seeded.put(new Place(orcid, rs.getString("section"), rs.getInt("position")), rs.wasNull() ? null : code);
        }, orcid);
        Set<Place> wanted = new HashSet<>();
        for (SeedRecord.Item item : record.items()) {
            Place place = new Place(orcid, item.section(), item.position());
            wanted.add(place);
            Long putCode = seeded.get(place);
            if (putCode != null && sync(orcid, putCode, item)) {
                continue;
            }
            long made = insert(orcid, item, earlier.get(place));
            this.jdbc.update("DELETE FROM sandbox_seed_item WHERE orcid = ? AND section = ? AND position = ?", orcid,
                    item.section(), item.position());
            this.jdbc.update("INSERT INTO sandbox_seed_item (orcid, section, position, put_code) VALUES (?, ?, ?, ?)",
                    orcid, item.section(), item.position(), made);
        }
        for (Map.Entry<Place, Long> gone : seeded.entrySet()) {
            Place place = gone.getKey();
            if (wanted.contains(place) || SeedRecord.BIOGRAPHY.equals(place.section())) {
                continue;
            }
            if (gone.getValue() != null) {
                this.versions.raise(orcid);
                this.jdbc.update("DELETE FROM record_item WHERE orcid = ? AND put_code = ?", orcid, gone.getValue());
            }
            this.jdbc.update("DELETE FROM sandbox_seed_item WHERE orcid = ? AND section = ? AND position = ?", orcid,
                    place.section(), place.position());
        }
        applyBiography(researcher, record.biography(),
                seeded.containsKey(new Place(orcid, SeedRecord.BIOGRAPHY, 0)));
    }

    /** Brings an existing seeded item in line; false when it no longer exists. */
    private boolean sync(String orcid, long putCode, SeedRecord.Item item) {
        List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT item_type, visibility, source_client_id, body"
                + " FROM record_item WHERE orcid = ? AND put_code = ?", orcid, putCode);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> row = rows.get(0);
        boolean same = item.type().name().equals(row.get("item_type"))
                && item.visibility().name().equals(row.get("visibility"))
                && Objects.equals(item.source(), row.get("source_client_id"))
                && JSON.readTree(String.valueOf(row.get("body"))).equals(item.body());
        if (!same) {
            this.versions.raise(orcid);
            this.jdbc.update("UPDATE record_item SET item_type = ?, visibility = ?, source_client_id = ?, body = ?,"
                    + " modified_at = ? WHERE orcid = ? AND put_code = ?", item.type().name(), item.visibility().name(),
                    item.source(), JSON.writeValueAsString(item.body()), Timestamp.from(Instant.now()), orcid, putCode);
        }
        return true;
    }

    private long insert(String orcid, SeedRecord.Item item, Long putCode) {
        Instant now = Instant.now();
        if (putCode == null) {
            return this.items.insert(orcid, item.type(), item.source(), item.visibility(), item.body(), now).value();
        }
        this.versions.raise(orcid);
        this.jdbc.update("INSERT INTO record_item (put_code, orcid, item_type, source_client_id, visibility,"
                + " display_index, created_at, modified_at, body) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", putCode, orcid,
                item.type().name(), item.source(), item.visibility().name(), Timestamp.from(now), Timestamp.from(now),
                JSON.writeValueAsString(item.body()));
        return putCode;
    }

    private void applyBiography(Researcher researcher, SeedRecord.Biography biography, boolean wasSeeded) {
        String orcid = researcher.orcid().value();
        RecordSettings current = this.settings.find(orcid)
            .orElseGet(() -> RecordSettings.defaults(orcid, researcher.createdAt()));
        if (biography == null) {
            if (wasSeeded) {
                if (current.hasBiography()) {
                    this.settings.save(current.withBiography(null, Visibility.PUBLIC, Instant.now()));
                }
                this.jdbc.update("DELETE FROM sandbox_seed_item WHERE orcid = ? AND section = ?", orcid,
                        SeedRecord.BIOGRAPHY);
            }
            return;
        }
        if (!biography.content().equals(current.biography()) || biography.visibility() != current.biographyVisibility()) {
            this.settings.save(current.withBiography(biography.content(), biography.visibility(), Instant.now()));
        }
        if (!wasSeeded) {
            this.jdbc.update("INSERT INTO sandbox_seed_item (orcid, section, position, put_code) VALUES (?, ?, 0, NULL)",
                    orcid, SeedRecord.BIOGRAPHY);
        }
    }
}
