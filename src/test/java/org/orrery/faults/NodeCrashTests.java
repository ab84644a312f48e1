package org.orrery.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryProcess;
import org.orrery.support.OrreryProcess.PostgresqlSchema;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * Issue 6: an Orrery process killed with SIGKILL in the middle of writes loses nothing it acknowledged. Under load
 * (works POSTed by several threads, refresh tokens rotated, client-credentials tokens issued) the process is killed,
 * a new one is started on the same database, and everything a client was told about is there and works: every
 * token it received, every work it got a 201 for, and no work that is listed but cannot be read. PostgreSQL only:
 * an in-memory H2 dies with the process.
 */
class NodeCrashTests {

    private static final String VND_JSON = "application/vnd.orcid+json";

    private static final String SCOPE = "/read-limited /activities/update";

    @Test
    void everythingAcknowledgedBeforeASigkillIsThereAfterTheRestart() throws Exception {
        assumeTrue(OrreryProcess.onPostgresql(),
                "PostgreSQL only: run with -Dorrery.test.postgresql.url=jdbc:postgresql://..."
                        + " (and its .username and .password), as CI does");
        try (PostgresqlSchema schema = PostgresqlSchema.create("crash")) {
            int port = freePort();
            Map<String, String> settings = settings(schema, port);

            Set<String> accessTokens = concurrentSet();
            Queue<String> readPublicTokens = new ConcurrentLinkedQueue<>();
            Queue<String> locations = new ConcurrentLinkedQueue<>();
            AtomicReference<String> latestRefreshToken = new AtomicReference<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            String writer;

            try (OrreryProcess first = OrreryProcess.start(settings)) {
                String base = first.url();
                JsonNode granted = Tokens.threeLegged(base, port, SCOPE);
                writer = granted.get("access_token").asString();
                accessTokens.add(writer);
                latestRefreshToken.set(granted.get("refresh_token").asString());

                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    load.add(started(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            String doi = "10.5555/crash." + thread + "." + n;
                            try {
                                HttpResponse<String> created = Http.post(base + "/api/v3.0/" + ADA_ORCID + "/work",
                                        work("Crash " + thread + "." + n, doi), "Authorization", "Bearer " + writer,
                                        "Content-Type", VND_JSON, "Accept", VND_JSON);
                                if (created.statusCode() == 201) {
                                    locations.add(created.headers().firstValue("Location").orElseThrow());
                                    answered.incrementAndGet();
                                }
                            }
                            catch (RuntimeException noAnswer) {
                                // the process died under this request: the client was told nothing
                            }
                        }
                    }));
                }
                load.add(started(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> refreshed = Http.postForm(base + "/oauth/token",
                                    Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type",
                                            "refresh_token", "refresh_token", latestRefreshToken.get(),
                                            "revoke_old", "false"),
                                    "Accept", "application/json");
                            if (refreshed.statusCode() == 200) {
                                JsonNode body = Http.json(refreshed);
                                accessTokens.add(body.get("access_token").asString());
                                latestRefreshToken.set(body.get("refresh_token").asString());
                                answered.incrementAndGet();
                            }
                        }
                        catch (RuntimeException noAnswer) {
                            // as above
                        }
                    }
                }));
                load.add(started(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> issued = Http.postForm(base + "/oauth/token",
                                    Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type",
                                            "client_credentials", "scope", "/read-public"),
                                    "Accept", "application/json");
                            if (issued.statusCode() == 200) {
                                readPublicTokens.add(Http.json(issued).get("access_token").asString());
                                answered.incrementAndGet();
                            }
                        }
                        catch (RuntimeException noAnswer) {
                            // as above
                        }
                    }
                }));

                long deadline = System.nanoTime() + 20_000_000_000L;
                while ((answered.get() < 60 || locations.size() < 20) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                // Killed while the load threads are still sending.
                first.kill();
            }
            finally {
                stop.set(true);
                for (Thread thread : load) {
                    thread.join();
                }
            }
            assertThat(locations).as("works acknowledged before the kill").hasSizeGreaterThanOrEqualTo(5);

            // The restarted node writes structured logs (README, "JSON logs"): the operator's log pipeline reads them.
            Map<String, String> structured = new LinkedHashMap<>(settings);
            structured.put("logging.structured.format.console", "ecs");
            try (OrreryProcess second = OrreryProcess.start(structured)) {
                String base = second.url();
                for (String token : accessTokens) {
                    assertThat(Tokens.readRecord(base, ADA_ORCID, token).statusCode())
                        .as("three-legged access token received before the kill").isEqualTo(200);
                }
                for (String token : readPublicTokens) {
                    HttpResponse<String> read = Http.get(base + "/api/v3.0/" + ADA_ORCID + "/works",
                            "Authorization", "Bearer " + token, "Accept", VND_JSON);
                    assertThat(read.statusCode()).as("client-credentials token received before the kill")
                        .isEqualTo(200);
                }
                for (String location : locations) {
                    HttpResponse<String> item = Http.get(location, "Authorization", "Bearer " + writer, "Accept",
                            VND_JSON);
                    assertThat(item.statusCode()).as("GET %s, acknowledged with 201 before the kill", location)
                        .isEqualTo(200);
                    assertThat(Http.json(item).at("/title/title/value").asString()).startsWith("Crash ");
                }

                // Nothing half-written: every work the record lists (acknowledged or not) reads back whole.
                HttpResponse<String> works = Http.get(base + "/api/v3.0/" + ADA_ORCID + "/works", "Authorization",
                        "Bearer " + writer, "Accept", VND_JSON);
                assertThat(works.statusCode()).isEqualTo(200);
                Set<String> listed = new TreeSet<>();
                for (JsonNode group : Http.json(works).get("group")) {
                    for (JsonNode summary : group.get("work-summary")) {
                        listed.add(base + "/api/v3.0/" + ADA_ORCID + "/work/" + summary.get("put-code").asLong());
                    }
                }
                assertThat(listed).containsAll(locations);
                for (String location : listed) {
                    HttpResponse<String> item = Http.get(location, "Authorization", "Bearer " + writer, "Accept",
                            VND_JSON);
                    assertThat(item.statusCode()).as("GET %s, listed after the restart", location).isEqualTo(200);
                    assertThat(Http.json(item).at("/external-ids/external-id/0/external-id-value").asString())
                        .startsWith("10.5555/crash.");
                }

                // The last refresh token the client received still refreshes (unused, or used by a request whose
                // answer was lost in the crash: then it is within the reuse grace window).
                HttpResponse<String> refreshed = Http.postForm(base + "/oauth/token", Map.of("client_id", MEMBER,
                        "client_secret", MEMBER_SECRET, "grant_type", "refresh_token", "refresh_token",
                        latestRefreshToken.get()), "Accept", "application/json");
                assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
                assertLogIsJsonWithoutSecrets(second.log(), List.of(MEMBER_SECRET, latestRefreshToken.get(),
                        Http.json(refreshed).get("refresh_token").asString()));
            }
        }
    }

    /**
     * Every line the process wrote after the JVM's own start is one ECS JSON object (time, level, logger,
     * message), and no secret a client holds appears anywhere in the log.
     */
    private static void assertLogIsJsonWithoutSecrets(Path log, List<String> secrets) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(log).stream().filter(line -> !line.isBlank())
            .filter(line -> !line.startsWith("OpenJDK") && !line.startsWith("WARNING:")).toList();
        assertThat(lines).as("log lines of the structured node").isNotEmpty();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        int started = 0;
        for (String line : lines) {
            assertThat(line).as("a structured log line").startsWith("{");
            JsonNode event = json.readTree(line);
            assertThat(event.has("@timestamp")).as(line).isTrue();
            assertThat(event.has("message")).as(line).isTrue();
            JsonNode level = event.has("log.level") ? event.get("log.level") : event.path("log").path("level");
            assertThat(level.asString("")).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            if (event.get("message").asString().startsWith("Started OrreryApplication")) {
                started++;
            }
        }
        assertThat(started).as("the start-up line, as JSON").isEqualTo(1);
        String whole = java.nio.file.Files.readString(log);
        for (String secret : secrets) {
            assertThat(whole).as("a secret in the log").doesNotContain(secret);
        }
    }

    private static Map<String, String> settings(PostgresqlSchema schema, int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        settings.put("spring.datasource.url", schema.url());
        settings.put("spring.datasource.username", schema.username());
        settings.put("spring.datasource.password", schema.password());
        settings.put("orrery.seed-file", testSeedFile());
        settings.put("orrery.refresh-reuse-grace", "120s");
        settings.put("orrery.rate-limit.enabled", "false"); // the load is the point, not the limits
        return settings;
    }

    static String testSeedFile() {
        try {
            return Path.of(NodeCrashTests.class.getResource("/test-seed.yml").toURI()).toString();
        }
        catch (java.net.URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static <T> Set<T> concurrentSet() {
        return java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    private static Thread started(Runnable body) {
        Thread thread = new Thread(body, "crash-load");
        thread.start();
        return thread;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String work(String title, String doi) {
        return """
                {"title":{"title":{"value":"%s"}},"type":"journal-article",
                 "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"%s",
                   "external-id-relationship":"self"}]}}
                """.formatted(title, doi);
    }
}
