package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record content in the seed file, applied at each start-up: applying the same file again changes nothing, a
 * changed item is updated in place (same put-code), an item removed from the file is removed, and items the file
 * did not make are left alone.
 */
class SeededRecordTests {

    private static final String HEAD = """
            researchers:
              - orcid: "0000-0002-7319-2192"
                given-names: "Carl"
                email: "carl@seed.example.org"
                password: "carl-seed-password"
                record:
            """;

    private static final String FIRST = HEAD + """
                  biography:
                    visibility: limited
                    body: {"content": "First biography"}
                  works:
                    - visibility: public
                      body: {"title": {"title": {"value": "Work A"}}, "type": "book"}
                    - visibility: limited
                      body: {"title": {"title": {"value": "Work B"}}, "type": "book"}
                  keywords:
                    - visibility: public
                      body: {"content": "kept keyword"}
                    - visibility: public
                      body: {"content": "dropped keyword"}
            """;

    private static final String CHANGED = HEAD + """
                  works:
                    - visibility: public
                      body: {"title": {"title": {"value": "Work A"}}, "type": "book"}
                    - visibility: public
                      body: {"title": {"title": {"value": "Work B, second edition"}}, "type": "book"}
                  keywords:
                    - visibility: public
                      body: {"content": "kept keyword"}
                  employments:
                    - visibility: registered-only
                      body: {"role-title": "Astronomer", "organization": {"name": "Cornell", "address": {"city": "Ithaca", "country": "US"}}}
            """;

    @TempDir
    Path dir;

    @Test
    void applyingAgainChangesNothingAndChangesApplyInPlace() throws IOException {
        Map<String, String> database = new HashMap<>(SandboxServer.database("records"));
        database.put("orrery.demo.enabled", "false");
        Path file = this.dir.resolve("seed.yml");

        Files.writeString(file, FIRST);
        List<Map<String, Object>> first;
        String biography;
        long version;
        try (SandboxServer server = start(database, file)) {
            first = items(server);
            biography = server.jdbc().queryForObject("SELECT biography FROM record_settings", String.class);
            version = server.jdbc().queryForObject("SELECT record_version FROM researcher", Long.class);
            // An item the researcher adds later is not the file's.
            server.jdbc().update("INSERT INTO record_item (orcid, item_type, visibility, display_index, created_at,"
                    + " modified_at, body) VALUES ('0000-0002-7319-2192', 'KEYWORD', 'PUBLIC', 0, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, '{\"content\":\"added by hand\"}')");
        }
        assertThat(first).hasSize(4);
        assertThat(biography).isEqualTo("First biography");

        try (SandboxServer server = start(database, file)) {
            List<Map<String, Object>> again = items(server);
            assertThat(again.subList(0, 4)).isEqualTo(first);
            assertThat(again).hasSize(5);
            assertThat(server.jdbc().queryForObject("SELECT record_version FROM researcher", Long.class))
                .isEqualTo(version);
        }

        Files.writeString(file, CHANGED);
        try (SandboxServer server = start(database, file)) {
            List<Map<String, Object>> changed = items(server);
            assertThat(changed.get(0)).isEqualTo(first.get(0));
            assertThat(changed.get(1).get("put_code")).isEqualTo(first.get(1).get("put_code"));
            assertThat(changed.get(1).get("body").toString()).contains("Work B, second edition");
            assertThat(changed.get(1).get("visibility")).isEqualTo("PUBLIC");
            assertThat(changed.get(2)).isEqualTo(first.get(2));
            assertThat(changed).extracting(row -> row.get("body").toString())
                .noneMatch(body -> body.contains("dropped keyword"))
                .anyMatch(body -> body.contains("added by hand"))
                .anyMatch(body -> body.contains("Astronomer"));
            assertThat(server.jdbc().queryForObject("SELECT biography FROM record_settings", String.class)).isNull();
        }
    }

    private static SandboxServer start(Map<String, String> database, Path file) {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("orrery.seed-file", file.toString());
        return SandboxServer.start("records", settings);
    }

    private static List<Map<String, Object>> items(SandboxServer server) {
        return server.jdbc().queryForList("SELECT put_code, item_type, visibility, source_client_id, body, modified_at"
                + " FROM record_item ORDER BY put_code");
    }
}
