package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/** The three-legged flow end to end: authorize, sign in, consent, code, exchange, API read. */
class AuthorizationCodeGrantTests extends OrreryIntegrationTest {

    private static final String SCOPE = "/read-limited /activities/update";

    @Test
    void wholeDanceGivesOrcidTokenResponseThatReadsTheRecord() {
        try (Browser browser = new Browser()) {
            String redirect = Dance.redirectUri(PORT);
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, MEMBER, SCOPE, redirect, "st@te/1 x"),
                    ADA_EMAIL, ADA_PASSWORD);
            Map<String, String> query = Dance.query(landed);
            assertThat(landed.getPath()).isEqualTo("/demo/callback");
            assertThat(query.get("code")).matches("[0-9a-zA-Z]{6}");
            assertThat(query.get("state")).isEqualTo("st@te/1 x");
            assertThat(query.get("iss")).isEqualTo(BASE);

            HttpResponse<String> token = exchange(MEMBER, MEMBER_SECRET, query.get("code"), redirect);
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(token.headers().firstValue("Pragma")).hasValue("no-cache");
            JsonNode body = Http.json(token);
            assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "refresh_token",
                    "expires_in", "scope", "name", "orcid");
            assertThat(body.get("access_token").asString()).matches("[0-9a-f-]{36}");
            assertThat(body.get("refresh_token").asString()).matches("[0-9a-f-]{36}");
            assertThat(body.get("token_type").asString()).isEqualTo("bearer");
            assertThat(body.get("expires_in").asLong()).isBetween(631138000L, 631138519L);
            assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("/read-limited",
                    "/activities/update");
            assertThat(body.get("name").asString()).isEqualTo("Ada Lovelace");
            assertThat(body.get("orcid").asString()).isEqualTo(ADA_ORCID);

            HttpResponse<String> record = Http.get(BASE + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization",
                    "Bearer " + body.get("access_token").asString(), "Accept", "application/vnd.orcid+json");
            assertThat(record.statusCode()).isEqualTo(200);
            JsonNode json = Http.json(record);
            assertThat(json.at("/orcid-identifier/path").asString()).isEqualTo(ADA_ORCID);
            assertThat(json.at("/orcid-identifier/uri").asString()).isEqualTo(BASE + "/" + ADA_ORCID);
            assertThat(json.at("/person/name/given-names/value").asString()).isEqualTo("Ada");
            assertThat(json.at("/person/name/family-name/value").asString()).isEqualTo("Lovelace");
        }
    }

    @Test
    void signingInWithTheIdInsteadOfTheEmailWorksToo() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_ORCID, ADA_PASSWORD);
            HttpResponse<String> token = exchange(MEMBER, MEMBER_SECRET, code, Dance.redirectUri(PORT));
            assertThat(Http.json(token).get("orcid").asString()).isEqualTo(ADA_ORCID);
            assertThat(Http.json(token).get("scope").asString()).isEqualTo("/authenticate");
        }
    }

    @Test
    void registeringInsteadOfSigningInContinuesTheAuthorization() {
        try (Browser browser = new Browser()) {
            String redirect = Dance.redirectUri(PORT);
            HtmlPage signIn = browser.openHtml(Dance.authorizeUrl(BASE, MEMBER, "/authenticate", redirect, "reg"));
            HtmlPage register = Browser.click(signIn, "register-link");
            Browser.type(register, "givenNames", "Grace");
            Browser.type(register, "familyName", "Hopper");
            Browser.type(register, "email", "grace.hopper@example.org");
            Browser.type(register, "password", "grace-password");
            HtmlPage consent = Browser.click(register, "register-button");
            assertThat(consent.getHtmlElementById("researcher-name").asNormalizedText()).isEqualTo("Grace Hopper");
            String minted = consent.getHtmlElementById("researcher-orcid").asNormalizedText();
            assertThat(minted).matches("0009-00(0\\d|10)-\\d{4}-\\d{3}[\\dX]");
            URI landed = Dance.toUri(Browser.click(consent, "authorize"));
            HttpResponse<String> token = exchange(MEMBER, MEMBER_SECRET, Dance.query(landed).get("code"), redirect);
            assertThat(Http.json(token).get("orcid").asString()).isEqualTo(minted);
            assertThat(Http.json(token).get("name").asString()).isEqualTo("Grace Hopper");
        }
    }

    @Test
    void denyingSendsAccessDeniedWithTheState() {
        try (Browser browser = new Browser()) {
            // a scope set no other test grants, so that the consent screen is shown
            HtmlPage signIn = browser.openHtml(Dance.authorizeUrl(BASE, MEMBER, "/authenticate /person/update",
                    Dance.redirectUri(PORT), "keep-me"));
            HtmlPage consent = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            URI landed = Dance.toUri(Browser.click(consent, "deny"));
            assertThat(landed.getRawQuery()).startsWith("error=access_denied&error_description=User%20denied%20access");
            assertThat(Dance.query(landed)).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User denied access")
                .containsEntry("state", "keep-me")
                .containsEntry("iss", BASE)
                .doesNotContainKey("code");
        }
    }

    @Test
    void stateIsNotAddedWhenTheClientSentNone() {
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser,
                    Dance.authorizeUrl(BASE, MEMBER, "/authenticate", Dance.redirectUri(PORT), null), ADA_EMAIL,
                    ADA_PASSWORD);
            assertThat(Dance.query(landed)).containsKey("code").doesNotContainKey("state");
        }
    }

    @Test
    void reusedCodeRevokesTokensIssuedFromIt() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, SCOPE, ADA_EMAIL, ADA_PASSWORD);
            String redirect = Dance.redirectUri(PORT);
            HttpResponse<String> first = exchange(MEMBER, MEMBER_SECRET, code, redirect);
            assertThat(first.statusCode()).isEqualTo(200);
            String accessToken = Http.json(first).get("access_token").asString();
            assertThat(readRecord(accessToken).statusCode()).isEqualTo(200);

            HttpResponse<String> second = exchange(MEMBER, MEMBER_SECRET, code, redirect);
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(second.body()).isEqualTo(
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Reused authorization code: " + code + "\"}");

            HttpResponse<String> afterReuse = readRecord(accessToken);
            assertThat(afterReuse.statusCode()).isEqualTo(401);
            assertThat(afterReuse.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"Invalid access token: "
                    + accessToken + "\"}");
        }
    }

    @Test
    void concurrentExchangesOfOneCodeExactlyOneWinsAndItsTokensAreRevoked() throws Exception {
        String code;
        try (Browser browser = new Browser()) {
            code = Dance.code(browser, BASE, PORT, MEMBER, SCOPE, ADA_EMAIL, ADA_PASSWORD);
        }
        int parallel = 50;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Callable<HttpResponse<String>> redeem = () -> {
                start.await();
                return exchange(MEMBER, MEMBER_SECRET, code, Dance.redirectUri(PORT));
            };
            results.add(pool.submit(redeem));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> result : results) {
            responses.add(result.get());
        }
        pool.shutdown();
        List<HttpResponse<String>> winners = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200)
            .allSatisfy(r -> assertThat(r.body()).isEqualTo(
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Reused authorization code: " + code + "\"}"));
        assertThat(readRecord(Http.json(winners.get(0)).get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void clientAuthenticationByHttpBasicWorks() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> token = Http.postForm(BASE + "/oauth/token",
                    Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Dance.redirectUri(PORT)),
                    "Authorization", Http.basic(MEMBER, MEMBER_SECRET), "Accept", "application/json");
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(Http.json(token).get("orcid").asString()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void redirectUriMayBeOmittedAtTheExchangeAsOrcidAllows() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> token = Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER,
                    "client_secret", MEMBER_SECRET, "grant_type", "authorization_code", "code", code));
            assertThat(token.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void redirectMismatchAnswersInvalidGrantAndBurnsTheCode() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> mismatch = exchange(MEMBER, MEMBER_SECRET, code, "http://127.0.0.1:1/elsewhere");
            assertThat(mismatch.statusCode()).isEqualTo(400);
            assertThat(mismatch.body())
                .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Redirect URI mismatch.\"}");
            HttpResponse<String> retry = exchange(MEMBER, MEMBER_SECRET, code, Dance.redirectUri(PORT));
            assertThat(retry.statusCode()).isEqualTo(400);
            assertThat(Http.json(retry).get("error").asString()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void anotherClientsCodeAnswersInvalidGrantAndBurnsTheCode() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> stolen = exchange(OTHER_MEMBER, OTHER_MEMBER_SECRET, code, Dance.redirectUri(PORT));
            assertThat(stolen.statusCode()).isEqualTo(400);
            assertThat(stolen.body())
                .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Client ID mismatch\"}");
            assertThat(exchange(MEMBER, MEMBER_SECRET, code, Dance.redirectUri(PORT)).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void scopeAtTheExchangeMustLieWithinTheCodesScopes() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> wider = Http.postForm(BASE + "/oauth/token",
                    Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type", "authorization_code",
                            "code", code, "scope", "/activities/update"));
            assertThat(wider.statusCode()).isEqualTo(400);
            assertThat(wider.body()).isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":"
                    + "\"Invalid scopes: /activities/update available scopes for this code are: [/authenticate]\"}");
        }
    }

    @Test
    void unknownCodeAnswersInvalidGrant() {
        HttpResponse<String> response = exchange(MEMBER, MEMBER_SECRET, "Zz9Zz9", Dance.redirectUri(PORT));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code: Zz9Zz9\"}");
    }

    @Test
    void missingCodeAnswersInvalidGrant() {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type", "authorization_code"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"invalid_grant\",\"error_description\":\"An authorization code must be supplied.\"}");
    }

    @Test
    void wrongSecretAnswersBadClientCredentials() {
        HttpResponse<String> response = exchange(MEMBER, "not-the-secret", "Zz9Zz9", Dance.redirectUri(PORT));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
    }

    @Test
    void unknownClientAnswersClientNotFound() {
        HttpResponse<String> response = exchange("APP-0000000000000000", "whatever-secret", "Zz9Zz9",
                Dance.redirectUri(PORT));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"invalid_client\",\"error_description\":\"Client not found: APP-0000000000000000\"}");
    }

    @Test
    void noClientCredentialsAnswersUnauthorized() {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token",
                Map.of("grant_type", "authorization_code", "code", "Zz9Zz9"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":"
                + "\"An Authentication object was not found in the SecurityContext\"}");
    }

    @Test
    void missingGrantTypeAnswersUnsupportedGrantType() {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "code", "Zz9Zz9"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type is missing\"}");
    }

    @Test
    void unknownGrantTypeAnswersUnsupportedGrantType() {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type", "magic"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Unsupported grant type: magic\"}");
    }

    private static HttpResponse<String> exchange(String clientId, String secret, String code, String redirectUri) {
        return Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", clientId, "client_secret", secret, "grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri),
                "Accept", "application/json");
    }

    private static HttpResponse<String> readRecord(String accessToken) {
        return Http.get(BASE + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization", "Bearer " + accessToken,
                "Accept", "application/vnd.orcid+json");
    }
}
