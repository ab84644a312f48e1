package com.example.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How an integration's own test suite uses Orrery as its ORCID sandbox, written as an integrator would: only
 * {@code java.net.http} and JUnit, no Orrery classes. Orrery runs as a separate process with the suite's seed
 * file ({@code java -jar orrery.jar --orrery.seed-file=...}; set {@code -Dorrery.jar=...}, or the test runs it
 * from this build's class path), every test starts from a reset, and a token comes without a browser.
 */
class OrcidSandboxTests {

    static final String CLIENT_ID = "APP-EXAMPLE000000001";
    static final String CLIENT_SECRET = "example-integration-secret";
    static final String REDIRECT_URI = "https://integration.example.org/orcid/callback";
    static final String ORCID = "0000-0002-7319-2192";

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static Process orrery;
    static String base;

    @BeforeAll
    static void startOrrery() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("orrery.jar");
        List<String> command = new ArrayList<>(jar != null ? List.of(java, "-jar", jar)
                : List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        "org.orrery.OrreryApplication"));
        command.addAll(List.of("--server.port=" + port, "--orrery.base-url=" + base,
                "--spring.datasource.url=jdbc:h2:mem:integration", "--orrery.demo.enabled=false",
                "--orrery.seed-file=" + Path.of("docs", "examples", "integration-seed.yml").toAbsolutePath()));
        File log = new File("target/orcid-sandbox-example.log");
        orrery = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            try {
                if (get("/actuator/health", Map.of()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            if (!orrery.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Orrery did not start; see " + log.getAbsolutePath());
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopOrrery() {
        if (orrery != null) {
            orrery.destroy();
        }
    }

    @BeforeEach
    void resetTheSandbox() throws Exception {
        assertEquals(200, post("/sandbox/reset", Map.of(), Map.of()).statusCode());
    }

    @Test
    void aReadLimitedTokenSeesTheLimitedWorkAndThePublicApiDoesNot() throws Exception {
        String token = accessToken("/read-limited /activities/update");

        HttpResponse<String> member = get("/api/v3.0/" + ORCID + "/works",
                Map.of("Accept", "application/vnd.orcid+json", "Authorization", "Bearer " + token));
        assertEquals(200, member.statusCode());
        assertTrue(member.body().contains("A limited work"));

        HttpResponse<String> pub = get("/pub/v3.0/" + ORCID + "/works", Map.of("Accept", "application/vnd.orcid+json"));
        assertTrue(pub.body().contains("A public work"));
        assertFalse(pub.body().contains("A limited work"));
    }

    @Test
    void whatATestWritesIsGoneAfterTheNextReset() throws Exception {
        String token = accessToken("/read-limited /activities/update");
        HttpResponse<String> added = post("/api/v3.0/" + ORCID + "/work",
                Map.of("Content-Type", "application/vnd.orcid+json", "Authorization", "Bearer " + token),
                "{\"title\":{\"title\":{\"value\":\"Written by a test\"}},\"type\":\"book\"}");
        assertEquals(201, added.statusCode());

        resetTheSandbox();

        HttpResponse<String> pub = get("/pub/v3.0/" + ORCID + "/works", Map.of("Accept", "application/vnd.orcid+json"));
        assertFalse(pub.body().contains("Written by a test"));
        assertEquals(401, get("/api/v3.0/" + ORCID + "/works",
                Map.of("Accept", "application/vnd.orcid+json", "Authorization", "Bearer " + token)).statusCode());
    }

    /** The OAuth dance with no browser: authorize as the researcher, then exchange the code as in production. */
    static String accessToken(String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> authorized = post("/sandbox/oauth/authorize", Map.of("Authorization", "Basic " + basic),
                Map.of("orcid", ORCID, "response_type", "code", "scope", scope, "redirect_uri", REDIRECT_URI,
                        "state", "xyz"));
        assertEquals(302, authorized.statusCode());
        String location = authorized.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);
        assertTrue(location.contains("state=xyz"));

        HttpResponse<String> token = post("/oauth/token", Map.of("Accept", "application/json"),
                Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "grant_type", "authorization_code",
                        "code", code.group(1), "redirect_uri", REDIRECT_URI));
        assertEquals(200, token.statusCode(), token.body());
        Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
        assertTrue(accessToken.find());
        return accessToken.group(1);
    }

    static HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, Map<String, String> headers, Map<String, String> form)
            throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return post(path, Map.of("Content-Type", "application/x-www-form-urlencoded"), headers,
                String.join("&", pairs));
    }

    static HttpResponse<String> post(String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return post(path, Map.of(), headers, body);
    }

    private static HttpResponse<String> post(String path, Map<String, String> defaults, Map<String, String> headers,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        defaults.forEach(request::header);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
