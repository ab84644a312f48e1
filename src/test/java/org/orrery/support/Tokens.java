package org.orrery.support;

import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Obtains tokens the way an integration does: a dance for three-legged ones, a form post for the rest. */
public final class Tokens {

    private Tokens() {
    }

    /** A three-legged token response for the test member client, after a dance as Ada. */
    public static JsonNode threeLegged(String base, int port, String scope) {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, base, port, Dance.MEMBER, scope, Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            HttpResponse<String> response = exchange(base, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(port));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("exchange failed: " + response.body());
            }
            return Http.json(response);
        }
    }

    public static HttpResponse<String> exchange(String base, String clientId, String secret, String code,
            String redirectUri) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri), "Accept",
                "application/json");
    }

    /** GET of a record on the member API with a bearer token. */
    public static HttpResponse<String> readRecord(String base, String orcid, String accessToken) {
        return Http.get(base + "/api/v3.0/" + orcid + "/record", "Authorization", "Bearer " + accessToken, "Accept",
                "application/vnd.orcid+json");
    }
}
