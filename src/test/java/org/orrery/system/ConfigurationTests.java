package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;

/** What an operator configures and watches: health, the issuer, and error pages. */
class ConfigurationTests extends OrreryIntegrationTest {

    @Test
    void healthAnswersUp() {
        HttpResponse<String> health = Http.get(BASE + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponse<String> asJson = Http.get(BASE + "/actuator/health", "Accept", "application/json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(asJson.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theIssuerComesFromTheConfiguredBaseUrlNotFromTheRequest() throws URISyntaxException {
        int port = InProcessOrrery.freePort();
        String configured = "http://127.0.0.1:" + port;
        Map<String, Object> settings = InProcessOrrery.freshSettings();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", configured + "/");
        settings.put("orrery.seed-file", Path.of(getClass().getResource("/test-seed.yml").toURI()).toString());
        try (ConfigurableApplicationContext app = InProcessOrrery.start(settings);
                Browser browser = new Browser()) {
            String reachedAs = "http://localhost:" + port;
            String redirect = Dance.redirectUri(port);
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(reachedAs, MEMBER, "/authenticate", redirect, "i1"),
                    ADA_EMAIL, ADA_PASSWORD);
            Map<String, String> query = Dance.query(landed);
            assertThat(query.get("iss")).isEqualTo(configured);
            assertThat(query.get("state")).isEqualTo("i1");

            HttpResponse<String> metadata = Http.get(reachedAs + "/.well-known/oauth-authorization-server");
            assertThat(Http.json(metadata).get("issuer").asString()).isEqualTo(configured);
            assertThat(Http.json(metadata).get("token_endpoint").asString()).isEqualTo(configured + "/oauth/token");

            HttpResponse<String> token = Http.postForm(reachedAs + "/oauth/token",
                    Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type", "authorization_code",
                            "code", query.get("code"), "redirect_uri", redirect),
                    "Accept", "application/json");
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(Http.json(token).get("orcid").asString()).isEqualTo(ADA_ORCID);

            HttpResponse<String> record = Http.get(reachedAs + "/pub/v3.0/" + ADA_ORCID + "/record", "Accept",
                    "application/vnd.orcid+json");
            assertThat(Http.json(record).at("/orcid-identifier/uri").asString())
                .isEqualTo(configured + "/" + ADA_ORCID);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/no-such-page", "/oauth/no-such-endpoint", "/developer-tools/extra",
            "/css/no-such.css" })
    void unknownPageAnswersAReadableHtml404WithoutAStackTrace(String path) {
        HttpResponse<String> response = Http.get(BASE + path, "Accept", "text/html,application/xhtml+xml");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertReadableNotFound(response.body());
    }

    @Test
    void unknownPageAnswers404ToASignedInResearcherToo() {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            HtmlPage page = browser.openHtml(BASE + "/no-such-page");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertReadableNotFound(page.getWebResponse().getContentAsString());
            assertThat(page.asNormalizedText()).contains("Sign out");
        }
    }

    @Test
    void realPagesStillAskToSignInFirst() {
        for (String path : new String[] { "/my-orcid", "/developer-tools" }) {
            HttpResponse<String> response = Http.get(BASE + path, "Accept", "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue(BASE + "/signin");
        }
    }

    @Test
    void signingInAfterA404OpensTheRecordNotThe404() {
        try (Browser browser = new Browser()) {
            assertThat(browser.openHtml(BASE + "/no-such-page").getWebResponse().getStatusCode()).isEqualTo(404);
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        }
    }

    @Test
    void signingInAfterBeingSentFromARealPageReturnsToIt() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/developer-tools");
            assertThat(signIn.getUrl().getPath()).isEqualTo("/signin");
            HtmlPage tools = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            assertThat(tools.getUrl().getPath()).isEqualTo("/developer-tools");
        }
    }

    private static void assertReadableNotFound(String body) {
        assertThat(body).contains("<title>Error · Orrery</title>", "<h1>Page not found</h1>",
                "There is nothing at this address.");
        assertThat(body).doesNotContain("Exception", "at org.", "java.", "Whitelabel", "trace", "SQL");
    }
}
