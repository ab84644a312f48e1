package org.orrery.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Record settings in {@code record_settings}; a record without a row has {@link RecordSettings#defaults}. */
@Repository
public class RecordSettingsRepository {

    private final JdbcTemplate jdbc;

    private final RecordVersions versions;

    public RecordSettingsRepository(JdbcTemplate jdbc, RecordVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public Optional<RecordSettings> find(String orcid) {
        return this.jdbc.query("SELECT * FROM record_settings WHERE orcid = ?", this::map, orcid).stream().findFirst();
    }

    /** Stores the settings and raises the record's version; call it inside a transaction. */
    public void save(RecordSettings settings) {
        this.versions.raise(settings.orcid());
        int updated = this.jdbc.update("UPDATE record_settings SET default_visibility = ?, name_visibility = ?,"
                + " email_visibility = ?, biography = ?, biography_visibility = ?, biography_created_at = ?,"
                + " biography_modified_at = ?, modified_at = ? WHERE orcid = ?", settings.defaultVisibility().name(),
                settings.nameVisibility().name(), settings.emailVisibility().name(), settings.biography(),
                settings.biographyVisibility().name(), timestamp(settings.biographyCreatedAt()),
                timestamp(settings.biographyModifiedAt()), timestamp(settings.modifiedAt()), settings.orcid());
        if (updated == 0) {
            this.jdbc.update("INSERT INTO record_settings (orcid, default_visibility, name_visibility,"
                    + " email_visibility, biography, biography_visibility, biography_created_at,"
                    + " biography_modified_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", settings.orcid(),
                    settings.defaultVisibility().name(), settings.nameVisibility().name(),
                    settings.emailVisibility().name(), settings.biography(), settings.biographyVisibility().name(),
                    timestamp(settings.biographyCreatedAt()), timestamp(settings.biographyModifiedAt()),
                    timestamp(settings.modifiedAt()));
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private RecordSettings map(ResultSet rs, int row) throws SQLException {
        return new RecordSettings(rs.getString("orcid"), Visibility.valueOf(rs.getString("default_visibility")),
                Visibility.valueOf(rs.getString("name_visibility")), Visibility.valueOf(rs.getString("email_visibility")),
                rs.getString("biography"), Visibility.valueOf(rs.getString("biography_visibility")),
                instant(rs.getTimestamp("biography_created_at")), instant(rs.getTimestamp("biography_modified_at")),
                instant(rs.getTimestamp("modified_at")));
    }
}
