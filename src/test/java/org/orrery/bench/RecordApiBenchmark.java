package org.orrery.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

/**
 * Not a test: a benchmark of the member API on a real server (run it with {@code bench/run.sh}). Builds a record
 * of 100 works and 50 other items through the API, then measures {@code GET /record} (JSON and XML, one client
 * and four at once) and {@code POST /work}, printing medians, p99 and requests per second. Its class name keeps
 * it out of the normal test run, which is also why it may have settings of its own: rate limits off, since one
 * member client is held to 24 requests a second by default and the figures are of capacity.
 */
@org.springframework.test.context.TestPropertySource(properties = "orrery.rate-limit.enabled=false")
class RecordApiBenchmark extends OrreryIntegrationTest {

    private static final String ORCID = "0000-0002-7319-2192";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final int READS = Integer.getInteger("bench.reads", 500);

    private static final int WRITES = Integer.getInteger("bench.writes", 200);

    @Test
    void measure() throws Exception {
        String token = token();
        String api = BASE + "/api/v3.0/" + ORCID;
        for (int i = 0; i < 100; i++) {
            post(api + "/work", token, work("Seed work " + i, "10.1234/seed." + i));
        }
        for (int i = 0; i < 10; i++) {
            post(api + "/other-names", token, "{\"content\":\"Name " + i + "\"}");
            post(api + "/keywords", token, "{\"content\":\"keyword " + i + "\"}");
            post(api + "/researcher-urls", token, "{\"url-name\":\"Site " + i + "\",\"url\":{\"value\":"
                    + "\"https://example.org/" + i + "\"}}");
            post(api + "/employment", token, affiliation(i));
            post(api + "/education", token, affiliation(100 + i));
        }
        System.out.println("Record of " + ORCID + ": 100 works, 50 other items (other names, keywords, URLs,"
                + " employments, educations)");
        for (String accept : new String[] { "application/vnd.orcid+json", "application/vnd.orcid+xml" }) {
            timeReads(api + "/record", token, accept, 50);
            report("GET /record " + accept + ", 1 client", timeReads(api + "/record", token, accept, READS));
            report("GET /record " + accept + ", 4 clients", concurrentReads(api + "/record", token, accept, READS, 4));
        }
        List<Long> writes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            long t = System.nanoTime();
            post(api + "/work", token, work("Bench work " + i, "10.1234/bench." + i));
            writes.add(System.nanoTime() - t);
        }
        report("POST /work (JSON), 1 client, record grows from 100 to " + (100 + WRITES) + " works",
                new Timing(writes, System.nanoTime() - start));
    }

    private record Timing(List<Long> nanos, long wallNanos) {
    }

    private static Timing timeReads(String url, String token, String accept, int count) throws Exception {
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            get(url, token, accept);
            times.add(System.nanoTime() - t);
        }
        return new Timing(times, System.nanoTime() - start);
    }

    private static Timing concurrentReads(String url, String token, String accept, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger remaining = new AtomicInteger(count);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long t = System.nanoTime();
                    get(url, token, accept);
                    times.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return new Timing(new ArrayList<>(times), System.nanoTime() - start);
    }

    private static void report(String what, Timing timing) {
        List<Long> sorted = new ArrayList<>(timing.nanos());
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        double perSecond = sorted.size() / (timing.wallNanos() / 1e9);
        System.out.printf("%-75s n=%4d  median %7.2f ms  p99 %7.2f ms  %7.1f req/s%n", what, sorted.size(), median,
                p99, perSecond);
    }

    private static String token() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, Dance.MEMBER, "/activities/update /person/update /read-limited",
                    "carol.c@example.org", "carol-password");
            HttpResponse<String> response = Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(PORT));
            return Http.json(response).get("access_token").asString();
        }
    }

    private static void get(String url, String token, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", accept)
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
    }

    private static void post(String url, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/vnd.orcid+json")
            .header("Accept", "application/vnd.orcid+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String work(String title, String doi) {
        return "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"journal-article\","
                + "\"publication-date\":{\"year\":{\"value\":\"2020\"}},\"external-ids\":{\"external-id\":[{"
                + "\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi + "\",\"external-id-relationship\":"
                + "\"self\"}]},\"contributors\":{\"contributor\":[{\"credit-name\":{\"value\":\"C. Keeper\"}}]}}";
    }

    private static String affiliation(int i) {
        return "{\"role-title\":\"Role " + i + "\",\"start-date\":{\"year\":{\"value\":\"2010\"}},\"organization\":{"
                + "\"name\":\"Org " + i + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"}},\"external-ids\":"
                + "{\"external-id\":[{\"external-id-type\":\"grant_number\",\"external-id-value\":\"B-" + i
                + "\",\"external-id-relationship\":\"self\"}]}}";
    }

}
