package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.orrery.clients.SecretHasher;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryNode;

/**
 * Resetting a client's secret on the developer tools page: the new secret shown once, the old one working through
 * its grace period and not after it, and only the owner, with the form's CSRF token, may reset.
 */
class ClientSecretResetPageTests extends DeveloperToolsPage {

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
}
