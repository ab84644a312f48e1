package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;

/**
 * {@code POST /sandbox/reset}: whatever happened since, the database is again exactly what the seed file
 * describes (same iDs, client ids, secrets and put-codes), quickly, never serving an answer from before, and
 * safely while requests run.
 */
class SandboxResetTests {

    /** Columns that hold moments ({@code *_at}, whatever tables other features add) or counters. */
    private static final Set<String> MOMENTS = Set.of("created_at", "modified_at", "granted_at", "last_signed_in",
            "record_version", "biography_created_at", "biography_modified_at");

    /**
     * Tables left out of the comparison: Flyway's, the signing keys (a reset keeps both), and search's identity of
     * the database, which a reset empties and the search indexer writes anew, whenever it next looks, by design.
     */
    private static final Set<String> NOT_COMPARED = Set.of("flyway_schema_history", "signing_key", "search_epoch");

    private final SandboxServer sandbox = SandboxServer.shared();

    private final SandboxClient client = new SandboxClient(this.sandbox.base);

    @Test
    void everythingDoneSinceIsGoneAndTheSeedIsBackExactly() {
        assertThat(this.client.reset().statusCode()).isEqualTo(200);
        Map<String, List<String>> seeded = contents();
        assertThat(seeded.get("record_item")).hasSize(11);
        assertThat(seeded.get("oauth_token")).isEmpty();

        String token = this.client.token("/read-limited /activities/update");
        assertThat(this.client.addWork(token, "Written after the seed").statusCode()).isEqualTo(201);
        NewResearcher stranger;
        try (Browser browser = new Browser()) {
            stranger = NewResearcher.register(browser, this.sandbox.base, "Stranger", "Since");
        }
        assertThat(contents()).isNotEqualTo(seeded);

        HttpResponse<String> reset = this.client.reset();

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(Http.json(reset).get("status").asString()).isEqualTo("reset");
        assertThat(contents()).isEqualTo(seeded);
        assertThat(this.client.memberWorks(token).statusCode()).isEqualTo(401);
        assertThat(Http.get(this.sandbox.base + "/pub/v3.0/" + stranger.orcid() + "/record", "Accept",
                "application/vnd.orcid+json").statusCode()).isEqualTo(404);
        // The seeded ones work again at once.
        assertThat(this.client.memberWorks(this.client.token("/read-limited")).body()).contains("A limited work")
            .doesNotContain("Written after the seed");
    }

    @Test
    void noAnswerKeptFromBeforeTheResetIsServedAfterIt() {
        this.client.reset();
        String token = this.client.token("/read-limited /activities/update");
        for (int i = 0; i < 3; i++) {
            assertThat(this.client.addWork(token, "Kept in a cache " + i).statusCode()).isEqualTo(201);
            assertThat(this.client.publicRecord().body()).contains("Kept in a cache " + i);
        }
        this.client.reset();
        // However many writes the reseeding made, the record's version is past every one served before.
        assertThat(this.client.publicRecord().body()).doesNotContain("Kept in a cache").contains("A public work");
    }

    @Test
    void aResetOfThisSeedTakesUnderASecond() {
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            this.client.token("/authenticate");
            long start = System.nanoTime();
            HttpResponse<String> reset = this.client.reset();
            took.add((System.nanoTime() - start) / 1_000_000);
            assertThat(reset.statusCode()).isEqualTo(200);
        }
        Collections.sort(took);
        System.out.println("Sandbox reset round trips (ms, sorted): " + took);
        assertThat(took.get(took.size() / 2)).isLessThan(1000);
    }

    @Test
    void resetsDuringLoadLoseNothingAndNoRequestFails() throws Exception {
        this.client.reset();
        Map<String, List<String>> seeded = contents();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int worker = t;
            load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        String token = this.client.token("/read-limited /activities/update");
                        for (HttpResponse<String> response : List.of(this.client.addWork(token, "Load " + worker + "-" + n++),
                                this.client.memberWorks(token), this.client.publicRecord())) {
                            statuses.add(response.statusCode());
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " " + response.uri() + " " + response.body());
                            }
                        }
                    }
                    catch (IllegalStateException ex) {
                        // A code or token made just before a reset is gone after it: the answer is an error in
                        // the endpoint's format (checked below for 5xx), never a failure of the server.
                        if (ex.getMessage().contains("answered 5")) {
                            failures.add(ex.getMessage());
                        }
                    }
                }
            });
        }
        for (int i = 0; i < 5; i++) {
            Thread.sleep(400);
            HttpResponse<String> reset = this.client.reset();
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        }
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(statuses).contains(201, 200);
        this.client.reset();
        assertThat(contents()).isEqualTo(seeded);
    }

    @Test
    void theOverviewListsTheSeedWithReadyAuthorizeUrls() {
        HttpResponse<String> json = Http.get(this.sandbox.base + "/sandbox", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        var body = Http.json(json);
        assertThat(body.get("researchers").toString()).contains(SandboxServer.ADA).contains(SandboxServer.ADA_PASSWORD)
            .contains(SandboxServer.BOB_EMAIL).contains("0000-0002-1825-0097");
        assertThat(body.get("clients").toString()).contains(SandboxServer.MEMBER_SECRET)
            .contains(this.sandbox.base + "/oauth/authorize?client_id=" + SandboxServer.MEMBER);
        assertThat(body.get("mail").asString()).isEqualTo(this.sandbox.base + "/sandbox/mail");

        try (Browser browser = new Browser()) {
            var page = browser.openHtml(this.sandbox.base + "/sandbox");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.asNormalizedText()).contains(SandboxServer.ADA).contains(SandboxServer.MEMBER_SECRET);
            assertThat(page.getHtmlElementById("sandbox-mail").getAttribute("href")).isEqualTo("/sandbox/mail");
            var authorize = page.querySelector("a.authorize-url");
            assertThat(authorize.getAttributes().getNamedItem("href").getNodeValue())
                .startsWith(this.sandbox.base + "/oauth/authorize?client_id=");
        }
    }

    /** Every application table's rows, without the moments at which they were written. */
    private Map<String, List<String>> contents() {
        DataSource dataSource = this.sandbox.context.getBean(DataSource.class);
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                if (!NOT_COMPARED.contains(name)) {
                    rows.put(name, read(connection, table));
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return rows;
    }

    private static List<String> read(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (!MOMENTS.contains(column) && !column.endsWith("_at")) {
                        row.append(meta.getColumnName(i).toLowerCase(Locale.ROOT)).append('=').append(rs.getString(i))
                            .append(';');
                    }
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }
}
