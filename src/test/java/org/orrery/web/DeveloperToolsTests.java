package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.clients.SecretHasher;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;

import tools.jackson.databind.JsonNode;

/**
 * The developer tools page: a researcher registers one public API client, which then dances like any other; bad
 * input is refused next to its field, and only signed-in researchers with the form's CSRF token register.
 */
class DeveloperToolsTests extends DeveloperToolsPage {

    @Test
    void registeringAPublicClientShowsItsIdAndTheSecretOnlyOnce() {
        try (Browser browser = new Browser()) {
            NewResearcher developer = NewResearcher.register(browser, BASE, "Dev", "Eloper");
            HtmlPage shown = submit(browser, goodForm());

            assertThat(shown.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(shown.getHtmlElementById("new-client").asNormalizedText()).startsWith(
                    "Your public API client is registered. Copy the client secret now: it is shown only this once.");
            String clientId = text(shown, "//code[@class='client-id']");
            String secret = shown.getHtmlElementById("client-secret").asNormalizedText();
            assertThat(clientId).matches("APP-[0-9A-Z]{16}");
            assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
            assertThat(shown.getElementById("client-form")).as("one client per researcher: no form").isNull();

            Map<String, Object> row = this.jdbc.queryForMap(
                    "SELECT client_type, name, description, website, redirect_uri_matching, owner_orcid"
                            + " FROM api_client WHERE client_id = ?", clientId);
            assertThat(row).containsEntry("CLIENT_TYPE", "PUBLIC")
                .containsEntry("NAME", "Reading List")
                .containsEntry("DESCRIPTION", "Collects what I read.")
                .containsEntry("WEBSITE", "https://reading.example.org")
                .containsEntry("REDIRECT_URI_MATCHING", "EXACT")
                .containsEntry("OWNER_ORCID", developer.orcid());
            assertThat(this.jdbc.queryForList(
                    "SELECT uri FROM api_client_redirect_uri WHERE client_id = ? ORDER BY position", String.class,
                    clientId)).containsExactly(Dance.redirectUri(PORT), "https://reading.example.org/orcid/callback");
            assertThat(this.jdbc.queryForList("SELECT secret_hash FROM api_client_secret WHERE client_id = ?",
                    String.class, clientId)).containsExactly(SecretHasher.sha256(secret));

            HtmlPage reloaded = browser.openHtml(BASE + "/developer-tools");
            assertThat(reloaded.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(text(reloaded, "//code[@class='client-id']")).isEqualTo(clientId);
            assertThat(reloaded.getElementById("client-secret")).isNull();
            assertThat(reloaded.getElementById("new-client")).isNull();
            assertThat(reloaded.getWebResponse().getContentAsString()).doesNotContain(secret);
            assertThat(reloaded.asNormalizedText())
                .contains("Hidden. Secrets are stored only as hashes and shown once, at creation or reset.");
        }
    }

    @Test
    void theNewClientCompletesADanceAndItsSecretWorksAtTheTokenEndpoint() {
        Credentials client = registerClient("Integrating", "Developer");
        String clientId = client.clientId();
        String secret = client.secret();
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, clientId, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            assertThat(code).matches("[0-9a-zA-Z]{6}");

            HttpResponse<String> token = exchange(clientId, secret, code);
            assertThat(token.statusCode()).isEqualTo(200);
            JsonNode body = Http.json(token);
            assertThat(body.get("orcid").asString()).isEqualTo(ADA_ORCID);
            assertThat(body.get("name").asString()).isEqualTo("Ada Lovelace");
            assertThat(body.get("scope").asString()).isEqualTo("/authenticate");
            assertThat(body.get("token_type").asString()).isEqualTo("bearer");
            assertThat(body.get("access_token").asString()).isNotBlank();
        }
    }

    @Test
    void aWrongSecretIsRefusedAtTheTokenEndpoint() {
        String clientId;
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Careless", "Developer");
            clientId = text(submit(browser, goodForm()), "//code[@class='client-id']");
        }
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, clientId, "/authenticate", ADA_EMAIL, ADA_PASSWORD);
            HttpResponse<String> token = exchange(clientId, "not-the-secret", code);
            assertThat(token.statusCode()).isEqualTo(401);
            assertThat(token.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
        }
    }

    static Stream<Arguments> badClients() {
        return Stream.of(
                Arguments.of("name", "", "Please enter the application's name."),
                Arguments.of("name", "N".repeat(151), "The name must be at most 150 characters."),
                Arguments.of("description", "  ", "Please describe the application."),
                Arguments.of("description", "D".repeat(1001), "The description must be at most 1000 characters."),
                Arguments.of("website", "ftp://files.example.org", "The website must be an http or https address."),
                Arguments.of("website", "reading.example.org", "The website must be an http or https address."),
                Arguments.of("redirectUris", "", "At least one redirect URI must be registered."),
                Arguments.of("redirectUris", "http://reading.example.org/callback",
                        "The redirect URI http://reading.example.org/callback must use https (http is allowed only"
                                + " for http://127.0.0.1 and http://[::1])."),
                Arguments.of("redirectUris", "http://localhost:8000/callback",
                        "The redirect URI http://localhost:8000/callback must use https (http is allowed only"
                                + " for http://127.0.0.1 and http://[::1])."),
                Arguments.of("redirectUris", "javascript:alert(document.cookie)",
                        "The redirect URI javascript:alert(document.cookie) uses a scheme that is not allowed."),
                Arguments.of("redirectUris", "JavaScript://reading.example.org/%0Aalert(1)",
                        "The redirect URI JavaScript://reading.example.org/%0Aalert(1) uses a scheme that is not"
                                + " allowed."),
                Arguments.of("redirectUris", "https://reading.example.org/cb\njavascript:alert(1)",
                        "The redirect URI javascript:alert(1) uses a scheme that is not allowed."),
                Arguments.of("redirectUris", "data:text/html,hello",
                        "The redirect URI data:text/html,hello uses a scheme that is not allowed."),
                Arguments.of("redirectUris", "data:text/html,<script>alert(1)</script>",
                        "The redirect URI data:text/html,<script>alert(1)</script> is not a valid URI."),
                Arguments.of("redirectUris", "https://good.example.org@evil.example.com/cb",
                        "The redirect URI https://good.example.org@evil.example.com/cb may not contain user"
                                + " information."),
                Arguments.of("redirectUris", "https://reading.example.org/cb#frag",
                        "The redirect URI https://reading.example.org/cb#frag may not contain a fragment."),
                Arguments.of("redirectUris", "/relative/callback",
                        "The redirect URI /relative/callback must be absolute."));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("badClients")
    void badInputReRendersWithAMessageNextToTheFieldAndCreatesNothing(String field, String value, String message) {
        try (Browser browser = new Browser()) {
            NewResearcher developer = NewResearcher.register(browser, BASE, "Hasty", "Developer");
            Map<String, String> typed = new java.util.HashMap<>(goodForm());
            typed.put(field, value);

            HtmlPage page = submit(browser, typed);

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getHtmlElementById("client-errors").asNormalizedText())
                .isEqualTo("Please correct the fields marked below.");
            HtmlElement error = page.getHtmlElementById(field + "-error");
            assertThat(error.asNormalizedText()).isEqualTo(message);
            HtmlElement input = page.getHtmlElementById(field);
            assertThat(input.getAttribute("aria-describedby")).isEqualTo(field + "-error");
            assertThat(error.getPreviousElementSibling()).isSameAs(input);
            for (String other : FIELDS) {
                if (!other.equals(field)) {
                    assertThat(page.getElementById(other + "-error")).as(other + " has no error").isNull();
                }
                assertThat(valueOf(page, other)).as(other + " keeps what was typed")
                    .isEqualTo(typed.get(other));
            }
            assertThat(page.getElementById("client-secret")).isNull();
            assertThat(clientsOwnedBy(developer.orcid())).isZero();
        }
    }

    @Test
    void aSecondClientIsRefused() {
        try (Browser browser = new Browser()) {
            NewResearcher developer = NewResearcher.register(browser, BASE, "Greedy", "Developer");
            HtmlPage first = submit(browser, goodForm());
            String clientId = text(first, "//code[@class='client-id']");

            List<NameValuePair> second = new ArrayList<>();
            second.add(new NameValuePair("_csrf", csrfToken(first)));
            second.add(new NameValuePair("name", "Second App"));
            second.add(new NameValuePair("description", "Another one."));
            second.add(new NameValuePair("website", ""));
            second.add(new NameValuePair("redirectUris", "https://second.example.org/cb"));
            Page refused = post(browser, second);

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            HtmlPage page = (HtmlPage) refused;
            assertThat(page.getHtmlElementById("client-limit").asNormalizedText())
                .isEqualTo("You already have a public API client; you may have only one.");
            assertThat(page.getElementById("client-form")).isNull();
            assertThat(text(page, "//code[@class='client-id']")).isEqualTo(clientId);
            assertThat(page.getElementById("client-secret")).isNull();
            assertThat(clientsOwnedBy(developer.orcid())).isEqualTo(1);
            assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE name = 'Second App'",
                    Long.class)).isZero();
            assertThat(text(browser.openHtml(BASE + "/developer-tools"), "//code[@class='client-id']"))
                .isEqualTo(clientId);
        }
    }

    @Test
    void registeringWithoutTheCsrfTokenIsRefused() {
        try (Browser browser = new Browser()) {
            NewResearcher developer = NewResearcher.register(browser, BASE, "Forged", "Request");
            List<NameValuePair> form = new ArrayList<>();
            goodForm().forEach((name, value) -> form.add(new NameValuePair(name, value)));
            Page refused = post(browser, form);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(clientsOwnedBy(developer.orcid())).isZero();
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.openHtml(BASE + "/developer-tools");
            assertThat(page.getUrl().getPath()).isEqualTo("/signin");
            assertThat(page.getElementById("client-form")).isNull();
        }
    }
}
