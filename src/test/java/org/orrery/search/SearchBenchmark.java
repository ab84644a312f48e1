package org.orrery.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrreryNode;

/**
 * The search benchmark (bench/search.sh; not part of the test suite, whose class names end in Tests): generates
 * {@code -Dsearch.records} synthetic researchers (names with diacritics, other names, affiliations with ROR, GRID
 * and Ringgold ids, works with DOIs, keywords, mixed visibility) straight into the database, starts a node on an
 * empty index and times its full rebuild, then times name, affiliation, DOI, e-mail and text queries through HTTP,
 * and how long a committed write takes to become searchable on a second node. Prints one line per figure.
 */
class SearchBenchmark {

    private static final String[] GIVEN = { "José", "Zoë", "Åsa", "François", "Jürgen", "Siobhán", "Łukasz", "Ana",
            "Chen", "Yuki", "Olúwaseun", "Mikael", "Noémie", "Ines", "Ravi", "Grace", "Tomáš", "Eleni", "Kwame",
            "Björn" };

    private static final String[] FAMILY_PARTS = { "Müller", "García", "Øster", "Nguyễn", "Kowalski", "O'Brien",
            "Dupré", "Silva", "Tanaka", "Haddad", "Novák", "Smith", "Ivanova", "Okafor", "Lindqvist", "Rossi" };

    private static final String[] WORDS = { "quantum", "glacier", "protein", "orbit", "lattice", "enzyme",
            "cohort", "neural", "basalt", "photon", "genome", "climate", "fluid", "soil", "plasma", "ethics",
            "memory", "catalyst", "river", "market" };

    @Test
    void benchmark() throws Exception {
        int records = Integer.getInteger("search.records", 100_000);
        int seconds = Integer.getInteger("search.seconds", 20);
        String url = System.getProperty("search.datasource.url",
                "jdbc:h2:file:" + Files.createTempDirectory("orrery-search-bench") + "/db;DB_CLOSE_DELAY=-1");
        String user = System.getProperty("search.datasource.username", "sa");
        String password = System.getProperty("search.datasource.password", "");
        Path indexA = Files.createTempDirectory("orrery-search-bench-a");
        Path indexB = Files.createTempDirectory("orrery-search-bench-b");

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.search.index-dir", indexA.toString());
        settings.put("orrery.search.sweep-interval", "0s");
        // Migrate the schema with a first node, stop it, load, then time a rebuild on an empty index.
        OrreryNode.startFresh(settings).close();
        indexA = Files.createTempDirectory("orrery-search-bench-a");
        settings.put("orrery.search.index-dir", indexA.toString());
        long loadStart = System.nanoTime();
        List<String> sampleEmails = load(url, user, password, records);
        System.out.printf("Search bench: loaded %,d researchers in %.1f s%n", records, seconds(loadStart));

        long buildStart = System.nanoTime();
        try (OrreryNode a = OrreryNode.startFresh(settings)) {
            SearchIndexer indexer = a.bean(SearchIndexer.class);
            while (!indexer.ready()) {
                Thread.sleep(200);
            }
            SearchIndex index = a.bean(SearchIndex.class);
            System.out.printf("Search bench: full rebuild of %,d records (%,d indexed) in %.1f s; index %,d MB%n",
                    records, index.size(), seconds(buildStart), index.sizeOnDisk() / 1_000_000);

            Random random = new Random(7);
            Map<String, IntFunction<String>> mix = new LinkedHashMap<>();
            mix.put("name", i -> "family-name:" + fold(FAMILY_PARTS[i % FAMILY_PARTS.length]) + i % 997
                    + " AND given-names:" + fold(GIVEN[(i / 7) % GIVEN.length]));
            mix.put("quick-name", i -> "{!edismax qf=\"given-and-family-names^50 family-name^10 given-names^10"
                    + " other-names^5 text^1\" pf=\"given-and-family-names^50\" mm=1}" + fold(GIVEN[i % GIVEN.length])
                    + " " + fold(FAMILY_PARTS[i % FAMILY_PARTS.length]) + i % 997);
            mix.put("affiliation", i -> "affiliation-org-name:(" + WORDS[i % WORDS.length] + " institute "
                    + (i % 500) + ")");
            mix.put("ror", i -> "ror-org-id:\"https://ror.org/0r" + (i % 5000) + "\"");
            mix.put("doi", i -> "doi-self:\"10.9999/bench." + random(random, records) + ".1\"");
            mix.put("email", i -> "email:" + sampleEmails.get(i % sampleEmails.size()));
            mix.put("text", i -> WORDS[i % WORDS.length] + " " + WORDS[(i * 7) % WORDS.length]);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (Map.Entry<String, IntFunction<String>> kind : mix.entrySet()) {
                measure(http, a.url(), kind.getKey(), kind.getValue(), seconds);
            }

            Map<String, String> second = new LinkedHashMap<>(settings);
            second.put("orrery.search.index-dir", indexB.toString());
            try (OrreryNode b = OrreryNode.startFresh(second)) {
                while (!b.bean(SearchIndexer.class).ready()) {
                    Thread.sleep(200);
                }
                List<Long> lags = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    lags.add(writeThenFind(http, b.url(), url, user, password, i));
                }
                Collections.sort(lags);
                System.out.printf("Search bench: committed write searchable on another node: median %d ms, max %d ms"
                        + " (10 writes)%n", lags.get(lags.size() / 2), lags.get(lags.size() - 1));
            }
        }
    }

    private static List<String> load(String url, String user, String password, int records) throws Exception {
        List<String> publicEmails = new ArrayList<>();
        Random random = new Random(42);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            PreparedStatement researcher = db.prepareStatement("INSERT INTO researcher (orcid, given_names,"
                    + " family_name, credit_name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?, 'x', ?)");
            PreparedStatement settings = db.prepareStatement("INSERT INTO record_settings (orcid, default_visibility,"
                    + " name_visibility, email_visibility, biography_visibility, modified_at) VALUES (?, 'PUBLIC', ?,"
                    + " ?, 'PUBLIC', ?)");
            PreparedStatement item = db.prepareStatement("INSERT INTO record_item (orcid, item_type, visibility,"
                    + " display_index, created_at, modified_at, body) VALUES (?, ?, ?, 0, ?, ?, ?)");
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < records; i++) {
                String orcid = String.format("0009-%04d-%04d-%04d", (i / 100_000_000) % 10_000,
                        (i / 10_000) % 10_000, i % 10_000);
                String given = GIVEN[(i / 7) % GIVEN.length];
                String family = FAMILY_PARTS[i % FAMILY_PARTS.length] + (i % 997);
                String email = "r" + i + "@bench.example.org";
                researcher.setString(1, orcid);
                researcher.setString(2, given);
                researcher.setString(3, family);
                researcher.setString(4, i % 10 == 0 ? given.charAt(0) + ". " + family : null);
                researcher.setString(5, email);
                researcher.setTimestamp(6, now);
                researcher.addBatch();
                boolean emailPublic = i % 20 == 0;
                if (emailPublic && publicEmails.size() < 2000) {
                    publicEmails.add(email);
                }
                settings.setString(1, orcid);
                settings.setString(2, i % 25 == 0 ? "PRIVATE" : "PUBLIC");
                settings.setString(3, emailPublic ? "PUBLIC" : "PRIVATE");
                settings.setTimestamp(4, now);
                settings.addBatch();
                String word = WORDS[i % WORDS.length];
                addItem(item, orcid, "OTHER_NAME", i % 3 == 0 ? "PUBLIC" : "LIMITED", now,
                        "{\"content\":\"" + given + " " + FAMILY_PARTS[(i + 3) % FAMILY_PARTS.length] + "\"}");
                addItem(item, orcid, "KEYWORD", "PUBLIC", now, "{\"content\":\"" + word + "\"}");
                addItem(item, orcid, "EMPLOYMENT", "PUBLIC", now, "{\"organization\":{\"name\":\"" + word
                        + " institute " + (i % 500) + "\",\"address\":{\"city\":\"Oslo\",\"country\":\"NO\"},"
                        + "\"disambiguated-organization\":{\"disambiguated-organization-identifier\":"
                        + "\"https://ror.org/0r" + (i % 5000) + "\",\"disambiguation-source\":\"ROR\"}}}");
                addItem(item, orcid, "EDUCATION", i % 4 == 0 ? "PRIVATE" : "PUBLIC", now, "{\"organization\":{\"name\":"
                        + "\"University of " + WORDS[(i + 5) % WORDS.length] + " " + (i % 300) + "\",\"address\":"
                        + "{\"city\":\"Lyon\",\"country\":\"FR\"},\"disambiguated-organization\":{"
                        + "\"disambiguated-organization-identifier\":\"" + (i % 300 + 1000) + "\","
                        + "\"disambiguation-source\":\"RINGGOLD\"}},\"end-date\":{\"year\":{\"value\":\"2010\"}}}");
                for (int w = 0; w < 2; w++) {
                    addItem(item, orcid, "WORK", w == 1 && i % 5 == 0 ? "PRIVATE" : "PUBLIC", now,
                            "{\"title\":{\"title\":{\"value\":\"On " + word + " and " + WORDS[(i + w + 1) % WORDS.length]
                                    + "\"}},\"type\":\"journal-article\",\"external-ids\":{\"external-id\":[{"
                                    + "\"external-id-type\":\"doi\",\"external-id-value\":\"10.9999/bench." + i + "."
                                    + (w + 1) + "\",\"external-id-relationship\":\"self\"}]}}");
                }
                if (i % 1000 == 999) {
                    researcher.executeBatch();
                    settings.executeBatch();
                    item.executeBatch();
                    db.commit();
                }
            }
            researcher.executeBatch();
            settings.executeBatch();
            item.executeBatch();
            db.commit();
        }
        return publicEmails;
    }

    private static void addItem(PreparedStatement item, String orcid, String type, String visibility, Timestamp now,
            String body) throws Exception {
        item.setString(1, orcid);
        item.setString(2, type);
        item.setString(3, visibility);
        item.setTimestamp(4, now);
        item.setTimestamp(5, now);
        item.setString(6, body);
        item.addBatch();
    }

    /** Two client threads (the machine has two cores) send this kind of query for the given time. */
    private static void measure(HttpClient http, String node, String kind, IntFunction<String> query, int seconds)
            throws Exception {
        for (int i = 0; i < 50; i++) {
            search(http, node, query.apply(i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t * 100_000;
            futures.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int i = offset;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    search(http, node, query.apply(i++));
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        threads.shutdown();
        Collections.sort(all);
        System.out.printf("Search bench: %-12s p50 %6.1f ms  p99 %6.1f ms  %7.1f queries/s (%d queries)%n", kind,
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size() / (double) seconds,
                all.size());
    }

    private static int search(HttpClient http, String node, String q) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node + "/pub/v3.0/search?rows=50&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/vnd.orcid+json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(q + " answered " + answer.statusCode() + ": " + answer.body());
        }
        int at = answer.body().lastIndexOf("\"num-found\":");
        return Integer.parseInt(answer.body().substring(at + 12, answer.body().length() - 1));
    }

    /** Commits a name change as any node's write does, then polls the other node until the new name is found. */
    private static long writeThenFind(HttpClient http, String node, String url, String user, String password, int i)
            throws Exception {
        String name = "renamed" + i + "x" + System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement update = db.prepareStatement("UPDATE researcher SET family_name = ?, record_version"
                        + " = record_version + 1, record_changed_at = CURRENT_TIMESTAMP WHERE orcid = ?")) {
            update.setString(1, name);
            update.setString(2, String.format("0009-0000-%04d-%04d", 0, 1 + i * 3));
            update.executeUpdate();
        }
        long start = System.nanoTime();
        while (search(http, node, "family-name:" + name) == 0) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String random(Random random, int records) {
        synchronized (random) {
            return String.valueOf(random.nextInt(records));
        }
    }

    private static String fold(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
            .replace("Ø", "O").replace("Ł", "L").replace("'", "\\'");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
