package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;

/**
 * Editing a client on the developer tools page: the new redirect URI is the one that works, a bad one is refused
 * next to its field, and only the owner, with the form's CSRF token, may edit.
 */
class ClientEditPageTests extends DeveloperToolsPage {

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
}
