package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.OrreryIntegrationTest;

/** Every rendered page gets its header and footer; a redirect and a REST answer get nothing of them. */
class PageAttributesTests extends OrreryIntegrationTest {

    @Test
    void aSignedInPageShowsTheResearcherAndTheInboxAndEveryLanguageLink() {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            HtmlPage account = browser.openHtml(BASE + "/account");
            assertThat(account.getHtmlElementById("header-name").asNormalizedText()).isEqualTo("Ada Lovelace");
            assertThat(account.getHtmlElementById("header-orcid").asNormalizedText()).isEqualTo(ADA_ORCID);
            assertThat(account.getHtmlElementById("inbox-link").asNormalizedText()).startsWith("Inbox");
            assertThat(account.querySelectorAll("footer a[hreflang]")).hasSize(6);
            assertThat(account.querySelector("footer [aria-current]").asNormalizedText()).isEqualTo("English");
            assertThat(account.querySelector("footer a[hreflang='es']").getAttributes().getNamedItem("href")
                .getNodeValue()).endsWith("/account?lang=es");
        }
    }

    @Test
    void anAnonymousPageHasTheSignInLinkAndNoResearcher() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/signin?lang=fr");
            assertThat(signIn.getElementById("header-name")).isNull();
            assertThat(signIn.getElementById("inbox-link")).isNull();
            assertThat(signIn.querySelector("footer [aria-current]").asNormalizedText()).isEqualTo("Français");
            assertThat(signIn.querySelector("footer a[hreflang='de']").getAttributes().getNamedItem("href")
                .getNodeValue()).endsWith("/signin?lang=de");
        }
    }

    @Test
    void aRedirectingHandlerSendsTheBrowserOnWithoutThePagesAttributesInTheAddress() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(BASE + "/signin/two-factor")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getRawQuery()).isNull());
    }
}
