package org.orrery.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryNode;
import org.orrery.support.OrreryProcess;
import org.orrery.support.OrreryProcess.PostgresqlSchema;

import tools.jackson.databind.JsonNode;

/**
 * Issue 6: while its database is unavailable, Orrery answers 503 with a clear error in each endpoint's own format
 * (ORCID's error body on the API, an OAuth error on the token endpoint, an HTML page elsewhere), never a stack
 * trace; once the database is back it serves again by itself, without a restart. The outage is made by refusing
 * new connections to the test database ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}) and terminating this
 * Orrery's own connections (found by their application name), which leaves other servers on the cluster alone.
 * Each endpoint meets the outage twice: first on a pooled connection that died under it (used a moment before,
 * so the pool hands it out without checking it), then when the pool finds its connections dead and can make no new
 * one. PostgreSQL only.
 */
class DatabaseOutageTests {

    private static final String VND_JSON = "application/vnd.orcid+json";

    private static final long RECOVERY_NANOS = 30_000_000_000L;

    /** How long after its last use HikariCP hands out a pooled connection without checking it (its default). */
    private static final long HIKARI_UNCHECKED_MILLIS = 500;

    @Test
    void aDatabaseOutageAnswers503InEachFormatAndOrreryRecoversByItself() throws Exception {
        assumeTrue(OrreryProcess.onPostgresql(),
                "PostgreSQL only: run with -Dorrery.test.postgresql.url=jdbc:postgresql://..."
                        + " (and its .username and .password), as CI does");
        String applicationName = "orrery-outage-" + UUID.randomUUID().toString().substring(0, 8);
        try (PostgresqlSchema schema = PostgresqlSchema.create("outage")) {
            int port = NodeCrashTests.freePort();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("server.port", String.valueOf(port));
            settings.put("orrery.base-url", "http://localhost:" + port);
            settings.put("spring.datasource.url", schema.url() + "&ApplicationName=" + applicationName);
            settings.put("spring.datasource.username", schema.username());
            settings.put("spring.datasource.password", schema.password());
            settings.put("orrery.seed-file", NodeCrashTests.testSeedFile());
            // how long a request waits for a connection before it gives up (HikariCP's default is 30 seconds)
            settings.put("spring.datasource.hikari.connection-timeout", "2000");
            try (OrreryNode node = OrreryNode.start(settings)) {
                String base = node.url();
                HttpResponse<String> issued = token(base);
                assertThat(issued.statusCode()).isEqualTo(200);
                String readToken = Http.json(issued).get("access_token").asString();
                Map<String, Endpoint> endpoints = new LinkedHashMap<>();
                // First while the client is still cached from the token just issued: the first statement to meet
                // the dead connection is then the one in the transaction that stores the new token.
                endpoints.put("token endpoint", new Endpoint(DatabaseOutageTests::token, answer -> {
                    JsonNode oauthError = Http.json(answer);
                    assertThat(oauthError.get("error").asString()).isEqualTo("temporarily_unavailable");
                    assertThat(oauthError.get("error_description").asString()).isNotBlank();
                }));
                endpoints.put("API", new Endpoint(b -> Http.get(b + "/api/v3.0/" + ADA_ORCID + "/record",
                        "Authorization", "Bearer " + readToken, "Accept", VND_JSON),
                        DatabaseOutageTests::assertOrcidError));
                endpoints.put("public API", new Endpoint(b -> Http.get(b + "/pub/v3.0/" + ADA_ORCID + "/record",
                        "Accept", VND_JSON), DatabaseOutageTests::assertOrcidError));
                endpoints.put("page", new Endpoint(b -> Http.get(b + "/" + ADA_ORCID, "Accept", "text/html"),
                        answer -> {
                            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                                    type -> assertThat(type).startsWith("text/html"));
                            assertThat(answer.body()).contains("<html").containsIgnoringCase("unavailable");
                        }));

                for (var endpoint : endpoints.entrySet()) {
                    String name = endpoint.getKey();
                    Endpoint request = endpoint.getValue();
                    awaitServed(name + " before the outage", () -> request.call().apply(base));
                    try {
                        schema.executeOn("postgres", "ALTER DATABASE " + schema.database()
                                + " ALLOW_CONNECTIONS false");
                        schema.executeOn("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = '" + applicationName + "'");
                        HttpResponse<String> onDeadConnection = request.call().apply(base);
                        assertUnavailable(name + " on a connection that died", onDeadConnection);
                        request.format().accept(onDeadConnection);
                        // HikariCP checks a connection idle for more than half a second before handing it out:
                        // after this pause it finds every pooled connection dead and cannot make a new one.
                        Thread.sleep(HIKARI_UNCHECKED_MILLIS + 100);
                        HttpResponse<String> withoutConnection = request.call().apply(base);
                        assertUnavailable(name + " with no connection to be had", withoutConnection);
                        request.format().accept(withoutConnection);
                    }
                    finally {
                        schema.executeOn("postgres", "ALTER DATABASE " + schema.database()
                                + " ALLOW_CONNECTIONS true");
                    }
                }

                // Back by itself: every endpoint succeeds again, no restart.
                for (var endpoint : endpoints.entrySet()) {
                    awaitServed(endpoint.getKey() + " after the database came back",
                            () -> endpoint.getValue().call().apply(base));
                }
            }
        }
    }

    /** A request to one endpoint, and the checks of its error format. */
    private record Endpoint(Function<String, HttpResponse<String>> call, Consumer<HttpResponse<String>> format) {
    }

    /** Repeats the request until it is served (the pool reconnects in the background), for up to 30 seconds. */
    private static void awaitServed(String what, Supplier<HttpResponse<String>> request) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_NANOS;
        HttpResponse<String> answer = request.get();
        while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = request.get();
        }
        assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(200);
    }

    private static void assertUnavailable(String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(what).isPresent();
        assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ", "org.", "java.", "SQL", "jdbc",
                "postgres");
    }

    private static void assertOrcidError(HttpResponse<String> answer) {
        JsonNode orcidError = Http.json(answer);
        assertThat(orcidError.get("response-code").asInt()).isEqualTo(503);
        assertThat(orcidError.get("developer-message").asString()).startsWith("503 Service Unavailable");
        assertThat(orcidError.get("user-message").asString()).isNotBlank();
    }

    private static HttpResponse<String> token(String base) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }
}
