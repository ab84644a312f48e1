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
import java.util.function.Function;

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
 * PostgreSQL only.
 */
class DatabaseOutageTests {

    private static final String VND_JSON = "application/vnd.orcid+json";

    @Test
    void aDatabaseOutageAnswers503InEachFormatAndOrreryRecoversByItself() throws Exception {
        assumeTrue(OrreryProcess.onPostgresql(),
                "PostgreSQL only: run with -Dorrery.test.datasource.url=jdbc:postgresql://... (CI's second run)");
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
                Map<String, Function<String, HttpResponse<String>>> requests = new LinkedHashMap<>();
                requests.put("API", b -> Http.get(b + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization",
                        "Bearer " + readToken, "Accept", VND_JSON));
                requests.put("public API", b -> Http.get(b + "/pub/v3.0/" + ADA_ORCID + "/record", "Accept",
                        VND_JSON));
                requests.put("token endpoint", DatabaseOutageTests::token);
                requests.put("page", b -> Http.get(b + "/" + ADA_ORCID, "Accept", "text/html"));
                requests.forEach((name, request) -> assertThat(request.apply(base).statusCode()).as(name)
                    .isEqualTo(200));

                try {
                    schema.executeOn("postgres", "ALTER DATABASE " + schema.database() + " ALLOW_CONNECTIONS false");
                    schema.executeOn("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = '" + applicationName + "'");

                    HttpResponse<String> api = requests.get("API").apply(base);
                    assertUnavailable(api);
                    JsonNode orcidError = Http.json(api);
                    assertThat(orcidError.get("response-code").asInt()).isEqualTo(503);
                    assertThat(orcidError.get("developer-message").asString())
                        .startsWith("503 Service Unavailable");
                    assertThat(orcidError.get("user-message").asString()).isNotBlank();

                    HttpResponse<String> publicApi = requests.get("public API").apply(base);
                    assertUnavailable(publicApi);
                    assertThat(Http.json(publicApi).get("response-code").asInt()).isEqualTo(503);

                    HttpResponse<String> tokenAnswer = requests.get("token endpoint").apply(base);
                    assertUnavailable(tokenAnswer);
                    JsonNode oauthError = Http.json(tokenAnswer);
                    assertThat(oauthError.get("error").asString()).isEqualTo("temporarily_unavailable");
                    assertThat(oauthError.get("error_description").asString()).isNotBlank();

                    HttpResponse<String> page = requests.get("page").apply(base);
                    assertUnavailable(page);
                    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("text/html"));
                    assertThat(page.body()).contains("<html").containsIgnoringCase("unavailable");
                }
                finally {
                    schema.executeOn("postgres", "ALTER DATABASE " + schema.database() + " ALLOW_CONNECTIONS true");
                }

                // Back by itself: the same requests succeed again, no restart.
                long deadline = System.nanoTime() + 30_000_000_000L;
                for (var request : requests.entrySet()) {
                    HttpResponse<String> answer = request.getValue().apply(base);
                    while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                        answer = request.getValue().apply(base);
                    }
                    assertThat(answer.statusCode()).as("%s after the database came back: %s", request.getKey(),
                            answer.body()).isEqualTo(200);
                }
            }
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.", "java.", "SQL", "jdbc",
                "postgres");
    }

    private static HttpResponse<String> token(String base) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }
}
