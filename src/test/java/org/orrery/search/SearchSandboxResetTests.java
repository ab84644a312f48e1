package org.orrery.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.search.SearchFixture.eventually;

import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.Http;
import org.orrery.support.OrreryNode;

/**
 * {@code POST /sandbox/reset} and search, on two sandbox nodes of one database: after a reset through node A,
 * neither node finds the records the reset wiped, and both find the re-seeded ones as the seed describes them
 * (node A rebuilds on hearing the reset; node B, which heard nothing, sees the database's new search epoch).
 */
class SearchSandboxResetTests {

    @TempDir
    static Path indexes;

    private static Map<String, String> database;

    private static OrreryNode nodeA;

    private static OrreryNode nodeB;

    @BeforeAll
    static void startTwoSandboxNodes() throws Exception {
        database = SearchDatabase.fresh("search_reset");
        nodeA = OrreryNode.start(settings("a"));
        nodeB = OrreryNode.start(settings("b"));
    }

    @AfterAll
    static void stop() {
        for (OrreryNode node : new OrreryNode[] { nodeB, nodeA }) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void afterAResetNoNodeFindsTheWipedRecordsAndEveryNodeFindsTheSeededOnes() throws SQLException {
        String tag = SearchFixture.tag();
        String ada = "family-name:Lovelace AND given-names:Ada";
        eventually(() -> found(nodeA, ada) == 1 && found(nodeB, ada) == 1, () -> "the seeded Ada on both nodes");

        BulkResearchers.insert(database.get("spring.datasource.url"), database.get("spring.datasource.username"),
                database.get("spring.datasource.password"), "Since", "Wiped" + tag, 3);
        renameAda("Babbage" + tag);
        eventually(() -> found(nodeA, "family-name:wiped" + tag) == 3 && found(nodeB, "family-name:wiped" + tag) == 3
                && found(nodeA, ada) == 0 && found(nodeB, ada) == 0, () -> "the changes since the seed on both nodes");

        HttpResponse<String> reset = Http.post(nodeA.url() + "/sandbox/reset", "");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);

        for (OrreryNode node : new OrreryNode[] { nodeA, nodeB }) {
            String name = node == nodeA ? "node A" : "node B";
            eventually(() -> found(node, "family-name:wiped" + tag) == 0, () -> name + " still finds wiped records");
            eventually(() -> found(node, ada) == 1, () -> name + " does not find the re-seeded Ada");
            assertThat(found(node, "family-name:babbage" + tag)).as(name).isZero();
            assertThat(found(node, "other-names:\"Augusta Ada King\"")).as(name).isEqualTo(1);
        }
    }

    /** A name change as the record's API makes it: a new version and change time. */
    private static void renameAda(String family) throws SQLException {
        try (Connection db = connect();
                PreparedStatement update = db.prepareStatement("UPDATE researcher SET family_name = ?,"
                        + " record_version = record_version + 1, record_changed_at = CURRENT_TIMESTAMP"
                        + " WHERE given_names = 'Ada' AND family_name = 'Lovelace'")) {
            update.setString(1, family);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static int found(OrreryNode node, String q) {
        HttpResponse<String> answer = Http.get(node.url() + "/pub/v3.0/search?rows=0&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", "application/vnd.orcid+json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer).get("num-found").asInt();
    }

    private static Map<String, String> settings(String node) throws URISyntaxException, java.io.IOException {
        Map<String, String> settings = new LinkedHashMap<>(database);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        settings.put("orrery.sandbox.enabled", "true");
        settings.put("orrery.seed-file",
                Path.of(SearchSandboxResetTests.class.getResource("/sandbox-seed.yml").toURI()).toString());
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.search.index-dir", indexes.resolve(node).toString());
        return settings;
    }

    private static Connection connect() throws SQLException {
        return SearchDatabase.connect(database);
    }
}
