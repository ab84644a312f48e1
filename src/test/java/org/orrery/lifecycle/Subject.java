package org.orrery.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * A researcher registered for one test, with a member client's three-legged tokens and one work added through
 * the API: everything an integration holds for a record, so a test can watch each path change with the state.
 */
record Subject(String orcid, String email, String password, String accessToken, String refreshToken, long work) {

    static final String SCOPE = "/read-limited /activities/update";

    static final String JSON = "application/vnd.orcid+json";

    static final String XML = "application/vnd.orcid+xml";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    static Subject register(String base, int port, String givenNames) {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, base, givenNames, "Lifecycle");
        }
        JsonNode tokens;
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, base, port, Dance.MEMBER, SCOPE, researcher.email(),
                    researcher.password());
            HttpResponse<String> exchange = Tokens.exchange(base, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(port));
            if (exchange.statusCode() != 200) {
                throw new IllegalStateException("exchange failed: " + exchange.body());
            }
            tokens = Http.json(exchange);
        }
        String access = tokens.get("access_token").asString();
        HttpResponse<String> added = send("POST", base + "/api/v3.0/" + researcher.orcid() + "/work", access, JSON,
                work("Lifecycle work " + givenNames, "10.5555/lc." + System.nanoTime()));
        if (added.statusCode() != 201) {
            throw new IllegalStateException("adding a work failed: " + added.body());
        }
        String location = added.headers().firstValue("Location").orElseThrow();
        return new Subject(researcher.orcid(), researcher.email(), researcher.password(), access,
                tokens.get("refresh_token").asString(), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    static String work(String title, String doi) {
        return """
                {"title":{"title":{"value":"%s"}},"type":"journal-article",
                 "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"%s",
                   "external-id-relationship":"self"}]}}""".formatted(title, doi);
    }

    /** A two-legged /read-public token of the member client. */
    static String readPublicToken(String base) {
        HttpResponse<String> response = Http.postForm(base + "/oauth/token", Map.of("client_id", Dance.MEMBER,
                "client_secret", Dance.MEMBER_SECRET, "grant_type", "client_credentials", "scope", "/read-public"),
                "Accept", "application/json");
        return Http.json(response).get("access_token").asString();
    }

    HttpResponse<String> refresh(String base) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", Dance.MEMBER, "client_secret",
                Dance.MEMBER_SECRET, "grant_type", "refresh_token", "refresh_token", this.refreshToken), "Accept",
                "application/json");
    }

    static HttpResponse<String> send(String method, String url, String token, String type, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", type);
        }
        builder.header("Accept", type);
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
