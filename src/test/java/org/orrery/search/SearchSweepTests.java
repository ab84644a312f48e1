package org.orrery.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.search.SearchFixture.eventually;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.OrreryNode;

/**
 * The indexer's safety nets for changes no poll sees: the periodic sweep compares every record's version with the
 * index (a change written without {@code record_changed_at}, a record deleted outright), and a node started on a
 * stale index of the same database catches up from its last commit instead of serving what it had.
 */
class SearchSweepTests {

    @TempDir
    Path indexes;

    @Test
    void theSweepFindsChangesMadeWithoutTheChangeTimeAndRecordsDeletedOutright() throws Exception {
        Map<String, String> database = SearchDatabase.fresh("search_sweep");
        String tag = SearchFixture.tag();
        try (OrreryNode node = OrreryNode.startFresh(settings(database, "sweep", "2s"))) {
            List<String> orcids = BulkResearchers.insert(database.get("spring.datasource.url"),
                    database.get("spring.datasource.username"), database.get("spring.datasource.password"), "Swept",
                    "Sweep" + tag, 2);
            eventually(() -> found(node, "family-name:sweep" + tag) == 2, () -> "both found by the poll");

            try (Connection db = SearchDatabase.connect(database)) {
                // An old change time: as a bulk fix or a restored row would leave it, out of every poll's reach.
                update(db, "UPDATE researcher SET family_name = ?, record_version = record_version + 1,"
                        + " record_changed_at = TIMESTAMP '2001-01-01 00:00:00' WHERE orcid = ?", "Unstamped" + tag,
                        orcids.get(0));
                update(db, "DELETE FROM researcher WHERE orcid = ?", orcids.get(1));
            }
            eventually(() -> found(node, "family-name:unstamped" + tag) == 1, () -> "the unstamped rename swept in");
            eventually(() -> found(node, "family-name:sweep" + tag) == 0, () -> "the deleted record swept out");
        }
    }

    @Test
    void aNodeStartedOnAStaleIndexCatchesUpFromItsLastCommit() throws Exception {
        Map<String, String> database = SearchDatabase.fresh("search_stale");
        String tag = SearchFixture.tag();
        Map<String, String> settings = settings(database, "stale", "0s");
        List<String> orcids;
        try (OrreryNode node = OrreryNode.startFresh(settings)) {
            orcids = BulkResearchers.insert(database.get("spring.datasource.url"),
                    database.get("spring.datasource.username"), database.get("spring.datasource.password"), "Stale",
                    "Before" + tag, 3);
            eventually(() -> found(node, "family-name:before" + tag) == 3, () -> "found before the stop");
        }
        try (Connection db = SearchDatabase.connect(database)) {
            update(db, "UPDATE researcher SET family_name = ?, record_version = record_version + 1,"
                    + " record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ?", "After" + tag, orcids.get(0));
            update(db, "UPDATE researcher SET record_state = 'DEACTIVATED', record_version = record_version + 1,"
                    + " record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ?", orcids.get(1));
        }
        settings.put("server.port", String.valueOf(freePort()));
        try (OrreryNode node = OrreryNode.start(settings)) {
            eventually(() -> found(node, "family-name:after" + tag) == 1 && found(node, "family-name:before" + tag) == 1,
                    () -> "the changes made while the node was down");
            assertThat(found(node, "orcid:" + orcids.get(2))).isEqualTo(1);
        }
    }

    private Map<String, String> settings(Map<String, String> database, String name, String sweep) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(database);
        int port = freePort();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.search.index-dir", this.indexes.resolve(name).toString());
        settings.put("orrery.search.sweep-interval", sweep);
        return settings;
    }

    private static void update(Connection db, String sql, String... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static int found(OrreryNode node, String q) {
        HttpResponse<String> answer = org.orrery.support.Http.get(node.url() + "/pub/v3.0/search?rows=0&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", "application/vnd.orcid+json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return org.orrery.support.Http.json(answer).get("num-found").asInt();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
