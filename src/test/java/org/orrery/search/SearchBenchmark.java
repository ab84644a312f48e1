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
import java.time.Duration;
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
import org.junit.jupiter.api.Timeout;
import org.orrery.support.OrreryNode;

/**
 * The search benchmark (bench/search.sh; not part of the test suite, whose class names end in Tests): generates
 * {@code -Dsearch.records} synthetic researchers ({@link SyntheticRegistry}) into the database in bulk, starts a
 * node on an empty index and times its full rebuild, then times each kind of query (name, quick search, affiliation,
 * identifiers, e-mail, text, and a mix of all) through HTTP from two client threads, then starts a second node on
 * a copy of the first one's index and times how long a committed write takes to become searchable through it.
 * Prints one line per figure, with the machine's load average (the machine is shared).
 */
class SearchBenchmark {

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.HOURS)
    void benchmark() throws Exception {
        int records = Integer.getInteger("search.records", 100_000);
        int seconds = Integer.getInteger("search.seconds", 20);
        String url = System.getProperty("search.datasource.url",
                "jdbc:h2:file:" + Files.createTempDirectory("orrery-search-bench") + "/db;DB_CLOSE_DELAY=-1");
        String user = System.getProperty("search.datasource.username", "sa");
        String password = System.getProperty("search.datasource.password", "");
        // -Dsearch.index-dir=DIR keeps node A's index there: a later run with -Dsearch.load=false starts on it and
        // only catches up, instead of rebuilding (for profiling the queries).
        String keptIndex = System.getProperty("search.index-dir");
        Path indexA = keptIndex != null ? Files.createDirectories(Path.of(keptIndex))
                : Files.createTempDirectory("orrery-search-bench-a");
        Path indexB = Files.createTempDirectory("orrery-search-bench-b");

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.search.index-dir", indexA.toString());
        settings.put("orrery.search.sweep-interval", "0s");
        // Migrate the schema with a first node, stop it, load, then time a rebuild on an empty index.
        // -Dsearch.load=false: the database already holds these records (a run that loaded them).
        if (Boolean.parseBoolean(System.getProperty("search.load", "true"))) {
            Map<String, String> migrating = new LinkedHashMap<>(settings);
            migrating.put("orrery.search.index-dir", Files.createTempDirectory("orrery-search-bench-m").toString());
            OrreryNode.startFresh(migrating).close();
            System.out.printf("Search bench: %,d records; load average before loading: %s%n", records, load());
            double loadSeconds = SyntheticRegistry.load(url, user, password, records);
            System.out.printf("Search bench: loaded %,d researchers (%,d rows) in %.1f s%n", records, records * 9L,
                    loadSeconds);
        }
        List<String> sampleEmails = new ArrayList<>();
        for (int i = 0; i < records && sampleEmails.size() < 2000; i += 20) {
            sampleEmails.add(SyntheticRegistry.email(i));
        }

        boolean reused;
        try (var files = Files.list(indexA)) {
            reused = files.findAny().isPresent();
        }
        System.out.printf("Search bench: load average before the rebuild: %s%n", load());
        long buildStart = System.nanoTime();
        long buildCpu = cpuNanos();
        try (OrreryNode a = OrreryNode.startFresh(settings)) {
            System.out.printf("Search bench: node started in %.1f s%n", seconds(buildStart));
            SearchIndexer indexer = a.bean(SearchIndexer.class);
            while (!indexer.ready()) {
                Thread.sleep(200);
            }
            SearchIndex index = a.bean(SearchIndex.class);
            System.out.printf("Search bench: " + (reused ? "start on the kept index with catch-up" : "full rebuild")
                    + " of %,d records (%,d indexed) ready %.1f s after the node"
                    + " began to start (%.0f CPU s, start-up included); index %,d MB; load average %s%n", records,
                    index.size(), seconds(buildStart), (cpuNanos() - buildCpu) / 1e9, index.sizeOnDisk() / 1_000_000,
                    load());

            Random random = new Random(7);
            Map<String, IntFunction<String>> mix = new LinkedHashMap<>();
            mix.put("name", i -> "family-name:" + fold(SyntheticRegistry.family(i)) + " AND given-names:"
                    + fold(SyntheticRegistry.given(i)));
            // what the registry page's quick search sends (RegistrySearchQueries.quick), bq included
            mix.put("quick-name", i -> "{!edismax qf=\"" + RegistrySearchQueries.QF + "\" pf=\"given-and-family-names^50\""
                    + " bq=\"" + RegistrySearchQueries.BQ + "\" mm=1}"
                    + fold(SyntheticRegistry.given(i)) + " " + fold(SyntheticRegistry.family(i)));
            mix.put("affiliation", i -> "affiliation-org-name:\"" + SyntheticRegistry.affiliation(i) + "\"");
            mix.put("affil-or", i -> "affiliation-org-name:(" + SyntheticRegistry.affiliation(i) + ")");
            mix.put("id-orcid", i -> "orcid:" + SyntheticRegistry.orcid(random(random, records)));
            mix.put("id-ror", i -> "ror-org-id:\"" + SyntheticRegistry.ror(i) + "\"");
            mix.put("id-grid", i -> "grid-org-id:\"" + SyntheticRegistry.grid(i) + "\"");
            mix.put("id-ringgold", i -> "ringgold-org-id:" + (i % 300 + 1000));
            mix.put("id-doi", i -> "doi-self:\"" + SyntheticRegistry.doi(random(random, records), 1) + "\"");
            mix.put("email", i -> "email:" + sampleEmails.get(i % sampleEmails.size()));
            mix.put("text", i -> SyntheticRegistry.WORDS[i % 20] + " " + SyntheticRegistry.WORDS[(i * 7) % 20]);
            List<IntFunction<String>> kinds = new ArrayList<>(mix.values());
            kinds.remove(mix.get("affil-or"));
            mix.put("mix-of-all", i -> kinds.get(i % kinds.size()).apply(i / kinds.size()));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // -Dsearch.kinds=quick-name,name: only these kinds (and no second node)
            String only = System.getProperty("search.kinds");
            for (Map.Entry<String, IntFunction<String>> kind : mix.entrySet()) {
                if (only == null || List.of(only.split(",")).contains(kind.getKey())) {
                    measure(http, a.url(), kind.getKey(), kind.getValue(), seconds);
                }
            }
            if (only != null) {
                return;
            }

            // Node B starts on a copy of node A's last commit (as a new node would from a backup of the index) and
            // catches up from its watermark, rather than rebuilding 10^6 records once more.
            copyCommittedIndex(index.path(), indexB);
            Map<String, String> second = new LinkedHashMap<>(settings);
            second.put("orrery.search.index-dir", indexB.toString());
            long bStart = System.nanoTime();
            try (OrreryNode b = OrreryNode.startFresh(second)) {
                while (!b.bean(SearchIndexer.class).ready()) {
                    Thread.sleep(200);
                }
                System.out.printf("Search bench: node B on a copy of A's index ready after %.1f s (start-up and"
                        + " catch-up)%n", seconds(bStart));
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

    /** Two client threads (the machine has two cores) send this kind of query for the given time. */
    private static void measure(HttpClient http, String node, String kind, IntFunction<String> query, int seconds)
            throws Exception {
        long hits = 0;
        int empty = 0;
        for (int i = 0; i < 200; i++) {
            int found = search(http, node, query.apply(i));
            hits += found;
            empty += found == 0 ? 1 : 0;
        }
        long cpuBefore = cpuNanos();
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
        double cpuMs = (cpuNanos() - cpuBefore) / 1e6 / all.size();
        System.out.printf("Search bench: %-12s p50 %6.1f ms  p99 %6.1f ms  %7.1f queries/s (%d queries, 2 clients;"
                + " %.1f CPU ms a query, client included; %.1f hits a query, %d of 200 found none); load average %s%n",
                kind, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                all.size() / (double) seconds, all.size(), cpuMs, hits / 200.0, empty, load());
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
            update.setString(2, SyntheticRegistry.orcid(2 + i * 50)); // a public name, an active record
            update.executeUpdate();
        }
        long start = System.nanoTime();
        while (search(http, node, "family-name:" + name) == 0) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void copyCommittedIndex(Path from, Path to) throws java.io.IOException {
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(from)) {
            for (String name : org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).files(true)) {
                Files.copy(from.resolve(name), to.resolve(name));
            }
        }
    }

    /** CPU time this process (server and benchmark client) has used. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average (1, 5, 15 minutes): the machine is shared, so every figure comes with it. */
    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (Exception ex) {
            return "n/a";
        }
    }

    private static int random(Random random, int records) {
        synchronized (random) {
            return random.nextInt(records);
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
