package org.orrery.sandbox;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.orrery.support.Dance;
import org.orrery.support.Http;

/** What the sandbox tests do as an integration: authorize without a browser, exchange, write, read, reset. */
final class SandboxClient {

    private final String base;

    SandboxClient(String base) {
        this.base = base;
    }

    /** A member token for Ada with these scopes, through the browser-less authorization and a real exchange. */
    String token(String scope) {
        HttpResponse<String> authorized = Http.postForm(this.base + "/sandbox/oauth/authorize",
                Map.of("orcid", SandboxServer.ADA, "response_type", "code", "scope", scope, "redirect_uri",
                        SandboxServer.MEMBER_REDIRECT),
                "Authorization", Http.basic(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET));
        if (authorized.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + authorized.statusCode() + ": " + authorized.body());
        }
        String code = Dance.query(URI.create(authorized.headers().firstValue("Location").orElseThrow())).get("code");
        HttpResponse<String> token = Http.postForm(this.base + "/oauth/token", Map.of("client_id",
                SandboxServer.MEMBER, "client_secret", SandboxServer.MEMBER_SECRET, "grant_type",
                "authorization_code", "code", code, "redirect_uri", SandboxServer.MEMBER_REDIRECT), "Accept",
                "application/json");
        if (token.statusCode() != 200) {
            throw new IllegalStateException("exchange answered " + token.statusCode() + ": " + token.body());
        }
        return Http.json(token).get("access_token").asString();
    }

    HttpResponse<String> addWork(String token, String title) {
        return Http.post(this.base + "/api/v3.0/" + SandboxServer.ADA + "/work",
                "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"book\"}", "Authorization",
                "Bearer " + token, "Content-Type", "application/vnd.orcid+json", "Accept", "application/vnd.orcid+json");
    }

    HttpResponse<String> memberWorks(String token) {
        return Http.get(this.base + "/api/v3.0/" + SandboxServer.ADA + "/works", "Authorization", "Bearer " + token,
                "Accept", "application/vnd.orcid+json");
    }

    HttpResponse<String> publicRecord() {
        return Http.get(this.base + "/pub/v3.0/" + SandboxServer.ADA + "/record", "Accept",
                "application/vnd.orcid+json");
    }

    HttpResponse<String> reset(String... headers) {
        return Http.post(this.base + "/sandbox/reset", "", headers);
    }
}
