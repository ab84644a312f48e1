package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /sandbox/oauth/authorize}: an integration's test suite gets a code (or an implicit token) for a
 * seeded researcher with no browser, exchanges it as in production and reads what the token allows; and every
 * refusal answers as the real endpoints do.
 */
class SandboxAuthorizationTests {

    private final SandboxServer sandbox = SandboxServer.shared();

    private HttpResponse<String> authorize(String clientId, String secret, String... pairs) {
        List<String[]> form = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.add(new String[] { pairs[i], pairs[i + 1] });
        }
        return Http.postForm(this.sandbox.base + "/sandbox/oauth/authorize", form, "Authorization",
                Http.basic(clientId, secret));
    }

    private static Map<String, String> query(HttpResponse<String> response) {
        return Dance.query(URI.create(response.headers().firstValue("Location").orElseThrow()));
    }

    private JsonNode exchange(String code, String... extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", SandboxServer.MEMBER, "client_secret",
                SandboxServer.MEMBER_SECRET, "grant_type", "authorization_code", "code", code, "redirect_uri",
                SandboxServer.MEMBER_REDIRECT));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        HttpResponse<String> response = Http.postForm(this.sandbox.base + "/oauth/token", form, "Accept",
                "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    @Test
    void aSuiteDancesWithNoBrowserAndTheTokenSeesTheSeededLimitedWork() {
        HttpResponse<String> authorized = authorize(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET, "orcid",
                SandboxServer.ADA, "response_type", "code", "scope", "/read-limited /activities/update",
                "redirect_uri", SandboxServer.MEMBER_REDIRECT, "state", "state with spaces & more");

        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(SandboxServer.MEMBER_REDIRECT + "?code=");
        Map<String, String> query = query(authorized);
        assertThat(query.get("code")).matches("[0-9a-zA-Z]{6}");
        assertThat(query.get("state")).isEqualTo("state with spaces & more");
        assertThat(query.get("iss")).isEqualTo(this.sandbox.base);
        assertThat(authorized.headers().firstValue("Set-Cookie")).isEmpty();

        JsonNode token = exchange(query.get("code"));
        assertThat(token.get("orcid").asString()).isEqualTo(SandboxServer.ADA);
        assertThat(token.get("scope").asString()).contains("/read-limited");
        String accessToken = token.get("access_token").asString();

        HttpResponse<String> limited = Http.get(this.sandbox.base + "/api/v3.0/" + SandboxServer.ADA + "/works",
                "Authorization", "Bearer " + accessToken, "Accept", "application/vnd.orcid+json");
        assertThat(limited.statusCode()).isEqualTo(200);
        assertThat(limited.body()).contains("A limited work").contains("A public work");
        HttpResponse<String> pub = Http.get(this.sandbox.base + "/pub/v3.0/" + SandboxServer.ADA + "/works",
                "Accept", "application/vnd.orcid+json");
        assertThat(pub.body()).contains("A public work").doesNotContain("A limited work");

        // The code is single-use, as in production.
        HttpResponse<String> again = Http.postForm(this.sandbox.base + "/oauth/token", Map.of("client_id",
                SandboxServer.MEMBER, "client_secret", SandboxServer.MEMBER_SECRET, "grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", SandboxServer.MEMBER_REDIRECT), "Accept", "application/json");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void theSecretMayComeInTheFormAndTheGrantIsAuditedAsSandbox() {
        HttpResponse<String> authorized = Http.postForm(this.sandbox.base + "/sandbox/oauth/authorize",
                Map.of("client_id", SandboxServer.MEMBER, "client_secret", SandboxServer.MEMBER_SECRET, "orcid",
                        SandboxServer.ADA, "response_type", "code", "scope", "/authenticate", "redirect_uri",
                        SandboxServer.MEMBER_REDIRECT));
        assertThat(authorized.statusCode()).isEqualTo(302);
        assertThat(query(authorized)).containsKey("code").doesNotContainKey("state");

        HttpResponse<String> audit = Http.get(this.sandbox.base + "/admin/audit-events?orcid=" + SandboxServer.ADA
                + "&type=ACCESS_GRANTED&client_id=" + SandboxServer.MEMBER, "Authorization",
                "Bearer " + SandboxServer.OPERATOR_TOKEN);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"reason\":\"SANDBOX\"");

        HttpResponse<String> trusted = Http.get(this.sandbox.base + "/sandbox", "Accept", "application/json");
        assertThat(trusted.statusCode()).isEqualTo(200);
    }

    @Test
    void pkceIsCheckedAtTheExchangeAsInProduction() throws Exception {
        String verifier = "v".repeat(20) + "-verifier-of-enough-length-123";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> authorized = authorize(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET, "orcid",
                SandboxServer.ADA, "response_type", "code", "scope", "/read-limited", "redirect_uri",
                SandboxServer.MEMBER_REDIRECT, "code_challenge", challenge, "code_challenge_method", "S256");
        assertThat(authorized.statusCode()).isEqualTo(302);
        JsonNode token = exchange(query(authorized).get("code"), "code_verifier", verifier);
        assertThat(token.get("access_token").asString()).isNotBlank();
    }

    @Test
    void anImplicitRequestAnswersInTheFragment() {
        HttpResponse<String> authorized = authorize(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET, "orcid",
                SandboxServer.ADA, "response_type", "token", "scope", "openid", "redirect_uri",
                SandboxServer.MEMBER_REDIRECT, "state", "s1", "nonce", "n-1");
        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(SandboxServer.MEMBER_REDIRECT + "#");
        assertThat(location).contains("access_token=").contains("state=s1").contains("token_type=bearer");
    }

    @Test
    void wrongClientCredentialsGetTheTokenEndpointsAnswer() {
        HttpResponse<String> wrong = authorize(SandboxServer.MEMBER, "not-the-secret", "orcid", SandboxServer.ADA,
                "response_type", "code", "scope", "/authenticate", "redirect_uri", SandboxServer.MEMBER_REDIRECT);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");

        HttpResponse<String> none = Http.postForm(this.sandbox.base + "/sandbox/oauth/authorize",
                Map.of("orcid", SandboxServer.ADA, "response_type", "code"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Http.json(none).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anUnknownResearcherIsRefusedAndNothingIsStored() {
        long grants = count("oauth_grant");
        for (String orcid : List.of("0000-0002-1825-0097X", "0000-0001-5109-3700", "")) {
            HttpResponse<String> response = authorize(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET, "orcid",
                    orcid, "response_type", "code", "scope", "/authenticate", "redirect_uri",
                    SandboxServer.MEMBER_REDIRECT);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Http.json(response).get("error").asString()).isEqualTo("invalid_request");
        }
        assertThat(count("oauth_grant")).isEqualTo(grants);
    }

    @Test
    void anUnregisteredRedirectUriGetsTheErrorPageNeverARedirect() {
        HttpResponse<String> response = authorize(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET, "orcid",
                SandboxServer.ADA, "response_type", "code", "scope", "/authenticate", "redirect_uri",
                "https://attacker.example.org/callback");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("does not match the redirect URIs registered by this application");
    }

    @Test
    void aScopeTheClientMayNotHaveGoesBackAsInvalidScope() {
        HttpResponse<String> response = authorize(SandboxServer.PUBLIC, SandboxServer.PUBLIC_SECRET, "orcid",
                SandboxServer.ADA, "response_type", "code", "scope", "/read-limited", "redirect_uri",
                "https://public.example.org/callback", "state", "s2");
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> query = query(response);
        assertThat(query.get("error")).isEqualTo("invalid_scope");
        assertThat(query.get("error_description")).isEqualTo("Invalid scope: /read-limited");
        assertThat(query.get("state")).isEqualTo("s2");
    }

    private long count(String table) {
        return this.sandbox.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
