package org.orrery.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** Test helper: tokens from real dances (cached per client, researcher and scope) and API calls with bodies. */
final class RecordApi {

    static final String VND_JSON = "application/vnd.orcid+json";

    static final String VND_XML = "application/vnd.orcid+xml";

    static final String CAROL_ORCID = "0000-0002-7319-2192";

    static final String CAROL_EMAIL = "carol.c@example.org";

    static final String CAROL_PASSWORD = "carol-password";

    static final String CLIENT_C = "APP-TESTC00000000001";

    static final String CLIENT_C_SECRET = "test-record-secret-c001";

    static final String PUBLIC_CLIENT = "APP-TEST00000000PUBL";

    static final String PUBLIC_CLIENT_SECRET = "test-public-secret-0003";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private RecordApi() {
    }

    /** An access token from a whole dance: this client, this researcher, these scopes. */
    static String token(String base, int port, String clientId, String secret, String scope, String email,
            String password) {
        return TOKENS.computeIfAbsent(clientId + "|" + email + "|" + scope, key -> {
            try (Browser browser = new Browser()) {
                String code = Dance.code(browser, base, port, clientId, scope, email, password);
                HttpResponse<String> response = Tokens.exchange(base, clientId, secret, code, Dance.redirectUri(port));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("exchange failed: " + response.body());
                }
                return Http.json(response).get("access_token").asString();
            }
        });
    }

    /** A two-legged {@code /read-public} token. */
    static String readPublicToken(String base, String clientId, String secret) {
        return TOKENS.computeIfAbsent(clientId + "|cc", key -> {
            HttpResponse<String> response = Http.postForm(base + "/oauth/token", Map.of("client_id", clientId,
                    "client_secret", secret, "grant_type", "client_credentials", "scope", "/read-public"), "Accept",
                    "application/json");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("client credentials failed: " + response.body());
            }
            return Http.json(response).get("access_token").asString();
        });
    }

    static HttpResponse<String> get(String url, String token, String accept) {
        return send("GET", url, token, null, accept, null);
    }

    static HttpResponse<String> send(String method, String url, String token, String contentType, String accept,
            String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The put-code at the end of a Location header. */
    static long putCode(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static JsonNode json(HttpResponse<String> response) {
        return Http.json(response);
    }

    /** ORCID's whole JSON error body. */
    static String errorJson(int status, String developerMessage, String userMessage, int code) {
        return "{\"response-code\":" + status + ",\"developer-message\":" + quote(developerMessage)
                + ",\"user-message\":" + quote(userMessage) + ",\"error-code\":" + code
                + ",\"more-info\":\"https://members.orcid.org/api/resources/troubleshooting\"}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
