package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Sandbox seeding at start-up, on Orreries started for each case: a bad file stops start-up and says which file,
 * entry and field, and stores nothing; a good file applied again changes nothing, and a changed entry changes only
 * itself. The refusal of each kind of bad entry is in {@link SeedFileRefusalTests}.
 */
@OwnEmbeddedDatabase
class SeedFileTests {

    private static final String[] TABLES = { "researcher ORDER BY orcid", "api_client ORDER BY client_id",
            "api_client_secret ORDER BY secret_hash", "api_client_redirect_uri ORDER BY client_id, position" };

    static final String GOOD_RESEARCHER = """
              - orcid: "0000-0002-7319-2192"
                given-names: "Carl"
                family-name: "Sagan"
                email: "carl.sagan@example.org"
                password: "pale-blue-dot"
            """;

    private static final String GOOD_FILE = """
            researchers:
              - orcid: "0000-0002-7319-2192"
                given-names: "Carl"
                family-name: "Sagan"
                email: "carl.sagan@example.org"
                password: "pale-blue-dot"
              - given-names: "Minted"
                family-name: "Bee"
                email: "minted.b@example.org"
                password: "minted-password"
            clients:
              - client-id: "APP-SEEDB00000000001"
                client-secret: "seed-b-member-secret-1"
                name: "Seeded Member"
                description: "A member client from the seed file."
                website: "https://member.example.org"
                type: member
                redirect-uris: ["https://member.example.org/callback"]
              - client-id: "APP-SEEDB00000000002"
                name: "Seeded Public"
                description: "A public client whose secret the file leaves out."
                type: public
                redirect-uris: ["http://127.0.0.1/callback"]
              - name: "Seeded Without Id"
                description: "Neither an id nor a secret."
                type: member
                redirect-uris: ["https://noid.example.org/cb"]
            """;

    @TempDir
    Path dir;

    @Test
    void badOrcidChecksumStopsStartUp() {
        Path file = write("""
                researchers:
                  - orcid: "0000-0002-1825-0098"
                    given-names: "Josiah"
                    email: "wrong.check@example.org"
                    password: "long-enough"
                """);
        assertStartUpFails(file, "Seed file " + file
                + ", entry researchers[0], field 'orcid': '0000-0002-1825-0098' is not a valid ORCID iD (format or check digit)");
    }

    @Test
    void missingFileStopsStartUp() {
        Path file = this.dir.resolve("absent.yml");
        assertStartUpFails(file, "Seed file " + file + " does not exist");
    }

    @Test
    void aFailingFileStoresNothingOfItsEarlierEntries() {
        Path file = write("researchers:\n" + GOOD_RESEARCHER + """
                clients:
                  - name: "Bad"
                    description: "Its redirect URI is not allowed."
                    type: member
                    redirect-uris: ["javascript:alert(1)"]
                """);
        String url = "jdbc:h2:file:" + this.dir.resolve("rollback").toAbsolutePath();
        Map<String, Object> settings = settings(file, url);
        assertThat(startUpFailure(settings)).isEqualTo("Seed file " + file
                + ", entry clients[0], field 'redirect-uris': The redirect URI javascript:alert(1) uses a scheme that is"
                + " not allowed.");
        settings.remove("orrery.seed-file");
        try (ConfigurableApplicationContext app = InProcessOrrery.start(settings)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM researcher WHERE orcid = '0000-0002-7319-2192'",
                    Long.class)).isZero();
            assertThat(jdbc.queryForList("SELECT orcid FROM researcher", String.class))
                .containsExactly("0000-0002-1825-0097");
        }
    }

    @Test
    void applyingTheSameFileAgainChangesNothing() {
        Path file = write(GOOD_FILE);
        String url = fileDatabase();
        Map<String, List<Map<String, Object>>> first = applyAndRead(file, url);
        assertThat(first.get(TABLES[0])).hasSize(3);
        assertThat(first.get(TABLES[1])).hasSize(4);
        assertThat(first.get(TABLES[2])).hasSize(4);

        Map<String, List<Map<String, Object>>> second = applyAndRead(file, url);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aClientWithoutASecretGetsOneGeneratedOnce() {
        Path file = write(GOOD_FILE);
        String url = fileDatabase();
        List<Map<String, Object>> first = secretsOf(applyAndRead(file, url), "APP-SEEDB00000000002");
        assertThat(first).hasSize(1);
        assertThat((String) first.get(0).get("SECRET_HASH")).matches("[0-9a-f]{64}");

        List<Map<String, Object>> second = secretsOf(applyAndRead(file, url), "APP-SEEDB00000000002");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aChangedNameOrAnAddedRedirectUriUpdatesOnlyThatEntry() {
        String url = fileDatabase();
        Map<String, List<Map<String, Object>>> before = applyAndRead(write(GOOD_FILE), url);
        String changed = GOOD_FILE.replace("given-names: \"Carl\"", "given-names: \"Carl Edward\"")
            .replace("redirect-uris: [\"https://member.example.org/callback\"]",
                    "redirect-uris: [\"https://member.example.org/callback\", \"https://member.example.org/again\"]")
            .replace("name: \"Seeded Public\"", "name: \"Seeded Public, Renamed\"");
        assertThat(changed).isNotEqualTo(GOOD_FILE);

        Map<String, List<Map<String, Object>>> after = applyAndRead(write(changed), url);

        Map<String, List<Map<String, Object>>> expected = copy(before);
        Map<String, Object> carl = row(expected, TABLES[0], "ORCID", "0000-0002-7319-2192");
        carl.put("GIVEN_NAMES", "Carl Edward");
        carl.put("RECORD_VERSION", (Long) carl.get("RECORD_VERSION") + 1); // the name shows on the record
        Object changedAt = row(after, TABLES[0], "ORCID", "0000-0002-7319-2192").get("RECORD_CHANGED_AT");
        assertThat(changedAt.toString()).as("the change is stamped for search").isGreaterThan(
                carl.get("RECORD_CHANGED_AT").toString());
        carl.put("RECORD_CHANGED_AT", changedAt);
        row(expected, TABLES[1], "CLIENT_ID", "APP-SEEDB00000000002").put("NAME", "Seeded Public, Renamed");
        List<Map<String, Object>> uris = expected.get(TABLES[3]);
        int index = uris.indexOf(row(expected, TABLES[3], "CLIENT_ID", "APP-SEEDB00000000001"));
        uris.add(index + 1, new LinkedHashMap<>(Map.of("CLIENT_ID", "APP-SEEDB00000000001", "POSITION", 1, "URI",
                "https://member.example.org/again")));
        assertThat(after.get(TABLES[3]).get(index + 1)).isEqualTo(uris.get(index + 1));
        assertThat(after).isEqualTo(expected);
    }

    private void assertStartUpFails(Path file, String message) {
        assertThat(startUpFailure(file)).isEqualTo(message);
    }

    private String startUpFailure(Path file) {
        return startUpFailure(settings(file, "jdbc:h2:mem:orrery-b-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    /** Starts an Orrery that must fail and returns the seed file's complaint from the failure's causes. */
    private static String startUpFailure(Map<String, Object> settings) {
        try (ConfigurableApplicationContext app = InProcessOrrery.start(settings)) {
            return fail("Orrery started with the bad seed file " + settings.get("orrery.seed-file"));
        }
        catch (RuntimeException ex) {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof SeedFile.InvalidSeedFileException) {
                    return cause.getMessage();
                }
            }
            throw ex;
        }
    }

    /** Starts an Orrery on the database with the file applied, reads the seeded tables and stops it. */
    private Map<String, List<Map<String, Object>>> applyAndRead(Path file, String url) {
        try (ConfigurableApplicationContext app = InProcessOrrery.start(settings(file, url))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                rows.put(table, jdbc.queryForList("SELECT * FROM " + table));
            }
            return rows;
        }
    }

    private static Map<String, Object> settings(Path file, String url) {
        Map<String, Object> settings = InProcessOrrery.freshSettings();
        settings.put("spring.datasource.url", url);
        settings.put("orrery.seed-file", file.toString());
        return settings;
    }

    private String fileDatabase() {
        return "jdbc:h2:file:" + this.dir.resolve("seeded").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static List<Map<String, Object>> secretsOf(Map<String, List<Map<String, Object>>> rows, String clientId) {
        return rows.get(TABLES[2]).stream().filter(row -> clientId.equals(row.get("CLIENT_ID"))).toList();
    }

    private static Map<String, List<Map<String, Object>>> copy(Map<String, List<Map<String, Object>>> rows) {
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        rows.forEach((table, list) -> {
            List<Map<String, Object>> listCopy = new ArrayList<>();
            list.forEach(row -> listCopy.add(new LinkedHashMap<>(row)));
            copy.put(table, listCopy);
        });
        return copy;
    }

    private static Map<String, Object> row(Map<String, List<Map<String, Object>>> rows, String table, String column,
            Object value) {
        return rows.get(table).stream().filter(row -> value.equals(row.get(column))).findFirst().orElseThrow();
    }

    private Path write(String yaml) {
        return write(this.dir, yaml);
    }

    /** A new seed file in the folder, holding the text. */
    static Path write(Path dir, String yaml) {
        try {
            Path file = Files.createTempFile(dir, "seed-", ".yml");
            Files.writeString(file, yaml);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
