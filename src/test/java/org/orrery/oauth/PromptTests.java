package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;

/** OpenID Connect's prompt and max_age, and ORCID's sign-in pre-fill parameters. */
class PromptTests extends OrreryIntegrationTest {

    private static String openidUrl(String extra) {
        return Dance.authorizeUrl(BASE, Dance.OTHER_MEMBER, "openid", Dance.redirectUri(PORT), "st") + extra;
    }

    @Test
    void promptNoneWhenNotSignedInAnswersLoginRequired() {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            var response = browser.open(openidUrl("&prompt=none")).getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(302);
            Map<String, String> query = Dance.query(URI.create(response.getResponseHeaderValue("Location")));
            assertThat(query).containsEntry("error", "login_required").containsEntry("state", "st")
                .containsEntry("iss", BASE);
        }
    }

    @Test
    void promptLoginAsksASignedInResearcherToSignInAgain() {
        try (Browser browser = new Browser()) {
            Dance.authorize(browser, openidUrl(""), Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            HtmlPage page = browser.openHtml(openidUrl("&prompt=login"));
            assertThat(page.getElementById("form-sign-in-button")).isNotNull();
            org.htmlunit.Page after = Browser.signIn(page, Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            if (after instanceof HtmlPage consent && consent.getElementById("authorize") != null) {
                after = Browser.click(consent, "authorize");
            }
            assertThat(Dance.query(Dance.toUri(after))).containsKey("code").containsEntry("state", "st");
        }
    }

    @Test
    void expiredMaxAgeAsksForSignInAgainAndABadOneIsRefused() {
        try (Browser browser = new Browser()) {
            Dance.authorize(browser, openidUrl(""), Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            HtmlPage page = browser.openHtml(openidUrl("&max_age=0"));
            assertThat(page.getElementById("form-sign-in-button")).isNotNull();
            HtmlPage bad = browser.openHtml(openidUrl("&max_age=soon"));
            assertThat(bad.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(bad.getElementById("oauth-error").getTextContent()).isEqualTo("Invalid max_age param");
        }
    }

    @Test
    void signInIsPrefilledFromOrcidOrEmailAndShowLoginFalseOpensRegistration() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(openidUrl("&email=" + Dance.ADA_EMAIL));
            assertThat(signIn.getHtmlElementById("userId").getAttribute("value")).isEqualTo(Dance.ADA_EMAIL);
        }
        try (Browser browser = new Browser()) {
            HtmlPage register = browser.openHtml(
                    openidUrl("&show_login=false&given_names=Mary&family_names=Somerville&email=mary@example.org"));
            assertThat(register.getHtmlElementById("givenNames").getAttribute("value")).isEqualTo("Mary");
            assertThat(register.getHtmlElementById("familyName").getAttribute("value")).isEqualTo("Somerville");
            assertThat(register.getHtmlElementById("email").getAttribute("value")).isEqualTo("mary@example.org");
        }
    }
}
