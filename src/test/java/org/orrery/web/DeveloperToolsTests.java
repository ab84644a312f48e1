package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
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
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The developer tools page: a researcher registers one public API client, which then dances like any other, and
 * may reset its secret.
 */
class DeveloperToolsTests extends OrreryIntegrationTest {

    private static final String[] FIELDS = { "name", "description", "website", "redirectUris" };

    @Autowired
    private JdbcTemplate jdbc;

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

    @Test
    void resettingTheSecretShowsANewOneOnceAndTheOldOneKeepsWorkingThroughTheGracePeriod() {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Rotating", "Developer");
            HtmlPage registered = submit(browser, goodForm());
            String clientId = text(registered, "//code[@class='client-id']");
            String oldSecret = registered.getHtmlElementById("client-secret").asNormalizedText();
            HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
            assertThat(tools.getHtmlElementById("reset-help").asNormalizedText()).isEqualTo(
                    "Resetting gives the client a new secret. The current secret keeps working for 24 hours more,"
                            + " then stops.");

            Instant before = Instant.now();
            HtmlPage confirm = Browser.click(tools, "reset-secret");
            assertThat(confirm.getHtmlElementById("confirm-reset").asNormalizedText())
                .startsWith("Reset the client secret?");
            assertThat(confirm.getElementById("client-secret")).isNull();
            HtmlPage reset = Browser.click(confirm, "confirm-reset-secret");

            assertThat(reset.getWebResponse().getStatusCode()).isEqualTo(200);
            String newSecret = reset.getHtmlElementById("client-secret").asNormalizedText();
            assertThat(newSecret).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(oldSecret);
            HtmlElement notice = reset.getHtmlElementById("secret-reset");
            assertThat(notice.asNormalizedText()).startsWith("Your client secret is reset. Copy the new secret now:"
                    + " it is shown only this once. The previous secret keeps working until ")
                .endsWith(", so your integration can switch to the new one without an interruption.");
            Instant end = Instant.parse(notice.querySelector("time").getAttributes().getNamedItem("datetime")
                .getNodeValue());
            assertThat(end).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(1),
                    Instant.now().plus(Duration.ofHours(24)));
            assertThat(reset.getElementById("new-client")).isNull();

            assertThat(clientCredentials(clientId, newSecret).statusCode()).isEqualTo(200);
            assertThat(clientCredentials(clientId, oldSecret).statusCode()).as("the old secret, within its grace")
                .isEqualTo(200);
            assertThat(this.jdbc.queryForList("SELECT secret_hash FROM api_client_secret WHERE client_id = ?",
                    String.class, clientId))
                .containsExactlyInAnyOrder(SecretHasher.sha256(oldSecret), SecretHasher.sha256(newSecret));

            HtmlPage reloaded = browser.openHtml(BASE + "/developer-tools");
            assertThat(reloaded.getElementById("client-secret")).isNull();
            assertThat(reloaded.getElementById("secret-reset")).isNull();
            assertThat(reloaded.getWebResponse().getContentAsString()).doesNotContain(newSecret, oldSecret);
        }
    }

    @Test
    void theOldSecretStopsWorkingWhenTheGracePeriodEnds() throws InterruptedException {
        try (OrreryNode node = OrreryNode.startFresh(Map.of("orrery.clients.secret-grace-period", "2s"));
                Browser browser = new Browser()) {
            String base = "http://127.0.0.1:" + node.port();
            NewResearcher.register(browser, base, "Hurried", "Developer");
            HtmlPage tools = browser.openHtml(base + "/developer-tools");
            Browser.type(tools, "name", "Quick Rotation");
            tools.<HtmlTextArea>getHtmlElementById("description").setText("Rotates secrets.");
            tools.<HtmlTextArea>getHtmlElementById("redirectUris").setText(Dance.redirectUri(PORT));
            HtmlPage registered = Browser.click(tools, "register-client");
            String clientId = text(registered, "//code[@class='client-id']");
            String oldSecret = registered.getHtmlElementById("client-secret").asNormalizedText();
            assertThat(clientCredentials(base, clientId, oldSecret).statusCode()).isEqualTo(200);

            HtmlPage reset = Browser.click(Browser.click(browser.openHtml(base + "/developer-tools"), "reset-secret"),
                    "confirm-reset-secret");
            String newSecret = reset.getHtmlElementById("client-secret").asNormalizedText();
            assertThat(reset.getHtmlElementById("reset-help").asNormalizedText()).contains("for 2 seconds more");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            HttpResponse<String> old = clientCredentials(base, clientId, oldSecret);
            while (old.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                old = clientCredentials(base, clientId, oldSecret);
            }
            assertThat(old.statusCode()).as("the old secret after its grace period").isEqualTo(401);
            assertThat(old.body()).isEqualTo(
                    "{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
            assertThat(clientCredentials(base, clientId, newSecret).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyTheClientsOwnerMayResetItsSecret() {
        Credentials client = registerClient("Owning", "Developer");
        String clientId = client.clientId();
        String secret = client.secret();
        try (Browser other = new Browser()) {
            NewResearcher.register(other, BASE, "Meddling", "Developer");
            HtmlPage tools = other.openHtml(BASE + "/developer-tools");
            List<NameValuePair> form = new ArrayList<>();
            form.add(new NameValuePair("_csrf", csrfToken(tools)));
            form.add(new NameValuePair("clientId", clientId));

            Page refused = post(other, "/developer-tools/reset-secret", form);

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(404);
            HtmlPage page = (HtmlPage) refused;
            assertThat(page.getHtmlElementById("reset-error").asNormalizedText())
                .isEqualTo("You have no API client with that id.");
            assertThat(page.getElementById("client-secret")).isNull();
        }
        assertThat(this.jdbc.queryForList("SELECT expires_at FROM api_client_secret WHERE client_id = ?",
                Object.class, clientId)).containsExactly((Object) null);
        assertThat(clientCredentials(clientId, secret).statusCode()).isEqualTo(200);
    }

    @Test
    void resettingWithoutTheCsrfTokenIsRefused() {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Forged", "Reset");
            String clientId = text(submit(browser, goodForm()), "//code[@class='client-id']");

            Page refused = post(browser, "/developer-tools/reset-secret",
                    List.of(new NameValuePair("clientId", clientId)));

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client_secret WHERE client_id = ?"
                    + " AND expires_at IS NULL", Long.class, clientId)).isEqualTo(1);
            assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client_secret WHERE client_id = ?",
                    Long.class, clientId)).isEqualTo(1);
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

    /** A client's id and secret as the developer tools page showed them. */
    @Test
    void theOwnerEditsTheClientAndTheNewRedirectUriIsTheOneThatWorks() {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Editing", "Developer");
            HtmlPage registered = submit(browser, goodForm());
            String clientId = text(registered, "//code[@class='client-id']");
            String secret = registered.getHtmlElementById("client-secret").asNormalizedText();
            String newUri = "https://reading.example.org/fixed/callback";

            HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
            assertThat(valueOf(tools, "edit-redirectUris")).isEqualTo(goodForm().get("redirectUris"));
            Browser.type(tools, "edit-name", "Reading List Renamed");
            tools.<HtmlTextArea>getHtmlElementById("edit-description").setText("Collects what I read, fixed.");
            Browser.type(tools, "edit-website", "https://fixed.example.org");
            tools.<HtmlTextArea>getHtmlElementById("edit-redirectUris").setText(newUri);
            HtmlPage saved = Browser.click(tools, "save-client");

            assertThat(saved.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(saved.getHtmlElementById("client-edited").asNormalizedText())
                .isEqualTo("Your client's details are saved.");
            assertThat(text(saved, "//section[@class='client-credentials']/h2")).isEqualTo("Reading List Renamed");
            assertThat(text(saved, "//ul[contains(@class,'client-redirect-uris')]")).isEqualTo(newUri);
            assertThat(text(saved, "//code[@class='client-id']")).isEqualTo(clientId);
            assertThat(this.jdbc.queryForMap("SELECT name, description, website FROM api_client WHERE client_id = ?",
                    clientId)).containsValues("Reading List Renamed", "Collects what I read, fixed.",
                            "https://fixed.example.org");
            assertThat(clientCredentials(clientId, secret).statusCode()).as("the secret is untouched").isEqualTo(200);

            HttpResponse<String> fixed = Http.get(Dance.authorizeUrl(BASE, clientId, "/authenticate", newUri, "s"));
            assertThat(fixed.statusCode()).isEqualTo(302);
            assertThat(fixed.headers().firstValue("Location").orElse("")).contains("/signin?oauth");
            HttpResponse<String> old = Http.get(Dance.authorizeUrl(BASE, clientId, "/authenticate",
                    Dance.redirectUri(PORT), "s"));
            assertThat(old.statusCode()).as("the removed redirect URI").isEqualTo(400);
        }
    }

    @Test
    void anEditWithABadRedirectUriIsRefusedNextToTheFieldAndChangesNothing() {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Mistyped", "Developer");
            String clientId = text(submit(browser, goodForm()), "//code[@class='client-id']");
            HtmlPage tools = browser.openHtml(BASE + "/developer-tools?lang=fr");
            Browser.type(tools, "edit-name", "Should Not Stick");
            tools.<HtmlTextArea>getHtmlElementById("edit-redirectUris").setText("http://reading.example.org/callback");
            HtmlPage refused = Browser.click(tools, "save-client");

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getDocumentElement().getAttribute("lang")).isEqualTo("fr");
            assertThat(refused.getHtmlElementById("edit-errors").asNormalizedText())
                .isEqualTo("Veuillez corriger les champs indiqués ci-dessous.");
            assertThat(refused.getHtmlElementById("edit-redirectUris-error").asNormalizedText())
                .as("the check's English message, shown from the French bundle")
                .startsWith("L’URI de redirection http://reading.example.org/callback doit utiliser https");
            assertThat(refused.getHtmlElementById("edit-redirectUris").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(valueOf(refused, "edit-name")).as("what was typed is kept").isEqualTo("Should Not Stick");
            assertThat(this.jdbc.queryForObject("SELECT name FROM api_client WHERE client_id = ?", String.class,
                    clientId)).isEqualTo("Reading List");
            assertThat(this.jdbc.queryForList("SELECT uri FROM api_client_redirect_uri WHERE client_id = ?",
                    String.class, clientId)).hasSize(2);
        }
    }

    @Test
    void onlyTheOwnerMayEditAClientAndOnlyWithTheCsrfToken() {
        Credentials client = registerClient("Owning", "Editor");
        try (Browser other = new Browser()) {
            NewResearcher.register(other, BASE, "Meddling", "Editor");
            HtmlPage tools = other.openHtml(BASE + "/developer-tools");
            List<NameValuePair> form = new ArrayList<>(List.of(new NameValuePair("clientId", client.clientId()),
                    new NameValuePair("name", "Taken Over"), new NameValuePair("description", "Mine now."),
                    new NameValuePair("redirectUris", "https://evil.example.com/cb")));

            Page forged = post(other, "/developer-tools/edit", form);
            assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(403);

            form.add(new NameValuePair("_csrf", csrfToken(tools)));
            Page refused = post(other, "/developer-tools/edit", form);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(((HtmlPage) refused).getHtmlElementById("reset-error").asNormalizedText())
                .isEqualTo("You have no API client with that id.");
        }
        assertThat(this.jdbc.queryForObject("SELECT name FROM api_client WHERE client_id = ?", String.class,
                client.clientId())).isEqualTo("Reading List");
        assertThat(this.jdbc.queryForList("SELECT uri FROM api_client_redirect_uri WHERE client_id = ?",
                String.class, client.clientId())).doesNotContain("https://evil.example.com/cb");
    }

    private record Credentials(String clientId, String secret) {
    }

    /** A new researcher registers a client with the good form, in a browser of their own. */
    private static Credentials registerClient(String givenNames, String familyName) {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, givenNames, familyName);
            HtmlPage shown = submit(browser, goodForm());
            return new Credentials(text(shown, "//code[@class='client-id']"),
                    shown.getHtmlElementById("client-secret").asNormalizedText());
        }
    }

    private static Map<String, String> goodForm() {
        return Map.of("name", "Reading List", "description", "Collects what I read.", "website",
                "https://reading.example.org", "redirectUris",
                Dance.redirectUri(PORT) + "\nhttps://reading.example.org/orcid/callback");
    }

    private static HtmlPage submit(Browser browser, Map<String, String> values) {
        HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
        for (String field : FIELDS) {
            HtmlElement element = tools.getHtmlElementById(field);
            if (element instanceof HtmlTextArea area) {
                area.setText(values.get(field));
            }
            else {
                ((HtmlInput) element).setValue(values.get(field));
            }
        }
        return Browser.click(tools, "register-client");
    }

    private static String valueOf(HtmlPage page, String field) {
        HtmlElement element = page.getHtmlElementById(field);
        String value = element instanceof HtmlTextArea area ? area.getText() : ((HtmlInput) element).getValue();
        return value.replace("\r\n", "\n");
    }

    private static String text(HtmlPage page, String xpath) {
        HtmlElement element = page.getFirstByXPath(xpath);
        return element.asNormalizedText();
    }

    /** The CSRF token every form on the page carries (here: the sign-out form's). */
    private static String csrfToken(HtmlPage page) {
        HtmlInput token = page.getFirstByXPath("//input[@name='_csrf']");
        return token.getValue();
    }

    private static Page post(Browser browser, List<NameValuePair> form) {
        return post(browser, "/developer-tools", form);
    }

    private static Page post(Browser browser, String path, List<NameValuePair> form) {
        try {
            WebRequest request = new WebRequest(new URL(BASE + path), HttpMethod.POST);
            request.setAdditionalHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            request.setRequestParameters(form);
            return browser.client().getPage(request);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private long clientsOwnedBy(String orcid) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE owner_orcid = ?", Long.class, orcid);
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return clientCredentials(BASE, clientId, secret);
    }

    private static HttpResponse<String> clientCredentials(String base, String clientId, String secret) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }

    private static HttpResponse<String> exchange(String clientId, String secret, String code) {
        return Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", clientId, "client_secret", secret, "grant_type", "authorization_code", "code",
                        code, "redirect_uri", Dance.redirectUri(PORT)),
                "Accept", "application/json");
    }
}
