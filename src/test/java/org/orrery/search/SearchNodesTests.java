package org.orrery.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.search.SearchFixture.eventually;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;

/**
 * Search on two nodes of one database: the shared test server is node A, node B has an index of its own. A write
 * through either node is searchable through the other within the poll interval; a record that stops being active
 * leaves every node's results; a node restarted on its old index catches up with what changed while it was down.
 */
class SearchNodesTests extends OrreryIntegrationTest {

    @TempDir
    static Path indexDir;

    private static OrreryNode nodeB;

    @BeforeAll
    static void startNodeB() {
        nodeB = startB();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private static OrreryNode startB() {
        return OrreryNode.start(Map.of("server.port", String.valueOf(freePort()), "orrery.base-url", BASE,
                "spring.datasource.url", DATASOURCE_URL, "spring.datasource.username", DATASOURCE_USERNAME,
                "spring.datasource.password", DATASOURCE_PASSWORD, "orrery.seed-file", testSeedFile(),
                "orrery.search.index-dir", indexDir.toString()));
    }

    @Test
    void aWorkAddedThroughOneNodeIsFoundThroughTheOther() {
        String tag = SearchFixture.tag();
        try (SearchFixture.Person person = SearchFixture.register(BASE, PORT, "Nodal", "Researcher")) {
            assertThat(found(nodeB.url(), "work-titles:" + tag)).isEqualTo(0);
            long written = System.nanoTime();
            person.post(BASE, "work", SearchFixture.work("Written on A " + tag, "10.5555/n" + tag));
            eventually(() -> found(nodeB.url(), "work-titles:" + tag) == 1, () -> "work found on node B");
            long millis = (System.nanoTime() - written) / 1_000_000;
            System.out.println("Search: a work written through node A was found through node B after " + millis
                    + " ms");
            eventually(() -> found(BASE, "work-titles:" + tag) == 1, () -> "work found on node A");

            HttpResponse<String> otherWay = Http.post(nodeB.url() + "/api/v3.0/" + person.orcid() + "/keywords",
                    SearchFixture.content("kw" + tag), "Authorization", "Bearer " + person.token(), "Content-Type",
                    "application/vnd.orcid+json");
            assertThat(otherWay.statusCode()).isEqualTo(201);
            eventually(() -> found(BASE, "keyword:kw" + tag) == 1, () -> "keyword found on node A");
        }
    }

    @Test
    void aRecordThatIsNoLongerActiveLeavesTheResultsOfEveryNode() throws SQLException {
        String tag = SearchFixture.tag();
        try (SearchFixture.Person person = SearchFixture.register(BASE, PORT, "Locked", "Later" + tag)) {
            eventually(() -> found(BASE, "family-name:later" + tag) == 1 && found(nodeB.url(),
                    "family-name:later" + tag) == 1, () -> "found on both nodes");
            for (String state : new String[] { "LOCKED", "DEACTIVATED", "DEPRECATED" }) {
                setState(person.orcid(), state);
                eventually(() -> found(BASE, "family-name:later" + tag) == 0
                        && found(nodeB.url(), "family-name:later" + tag) == 0, () -> state + " record gone");
                setState(person.orcid(), "ACTIVE");
                eventually(() -> found(BASE, "family-name:later" + tag) == 1
                        && found(nodeB.url(), "family-name:later" + tag) == 1, () -> "active record back");
            }
        }
    }

    @Test
    void aNodeRestartedOnItsOldIndexCatchesUp() {
        String tag = SearchFixture.tag();
        try (SearchFixture.Person person = SearchFixture.register(BASE, PORT, "While", "Away")) {
            nodeB.close();
            nodeB = null;
            person.post(BASE, "work", SearchFixture.work("Written while B was down " + tag, "10.5555/d" + tag));
            nodeB = startB();
            eventually(() -> found(nodeB.url(), "work-titles:" + tag) == 1, () -> "caught up on restart");
        }
    }

    /** What another engineer's lock, deactivate or deprecate does to the row: a state and a new version. */
    private static void setState(String orcid, String state) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATASOURCE_URL, DATASOURCE_USERNAME,
                DATASOURCE_PASSWORD);
                PreparedStatement update = connection.prepareStatement("UPDATE researcher SET record_state = ?,"
                        + " record_version = record_version + 1, record_changed_at = CURRENT_TIMESTAMP"
                        + " WHERE orcid = ?")) {
            update.setString(1, state);
            update.setString(2, orcid);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static int found(String node, String q) {
        HttpResponse<String> answer = Http.get(node + "/pub/v3.0/search?rows=0&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", "application/vnd.orcid+json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer).get("num-found").asInt();
    }
}
