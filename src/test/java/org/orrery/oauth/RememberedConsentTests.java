package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;

/** ORCID's auto-approve: the same client asking again for exactly the same scopes skips the consent screen. */
class RememberedConsentTests extends OrreryIntegrationTest {

    private static final String CLIENT = Dance.OTHER_MEMBER;

    @Test
    void sameScopesAgainSkipTheConsentScreenAndIssueANewCode() {
        try (Browser browser = new Browser()) {
            String scope = "/read-limited /person/update";
            URI first = Dance.authorize(browser, Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), "one"),
                    Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            String firstCode = Dance.query(first).get("code");
            assertThat(Tokens.exchange(firstCode).statusCode()).isEqualTo(200);

            Page again = browser.open(Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), "two"));
            URI landed = Dance.toUri(again);
            assertThat(landed.getPath()).isEqualTo("/demo/callback");
            assertThat(Dance.query(landed)).containsEntry("state", "two");
            assertThat(Dance.query(landed).get("code")).matches("[0-9a-zA-Z]{6}").isNotEqualTo(firstCode);
        }
    }

    @Test
    void theSameScopesInAnotherOrderAreRemembered() {
        try (Browser browser = new Browser()) {
            URI first = Dance.authorize(browser, Dance.authorizeUrl(BASE, CLIENT, "/read-limited /activities/update",
                    Dance.redirectUri(PORT), null), Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            assertThat(Tokens.exchange(Dance.query(first).get("code")).statusCode()).isEqualTo(200);
            URI again = Dance.toUri(browser.open(Dance.authorizeUrl(BASE, CLIENT, "/activities/update /read-limited",
                    Dance.redirectUri(PORT), null)));
            assertThat(again.getPath()).isEqualTo("/demo/callback");
            assertThat(Dance.query(again).get("code")).matches("[0-9a-zA-Z]{6}");
        }
    }

    @Test
    void aLargeSetOfScopesIsRememberedToo() {
        String scope = "openid /read-limited /activities/update /person/update /authenticate";
        String reordered = "/person/update /authenticate /activities/update /read-limited openid";
        try (Browser browser = new Browser()) {
            URI first = Dance.authorize(browser, Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), null),
                    Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            assertThat(Tokens.exchange(Dance.query(first).get("code")).statusCode()).isEqualTo(200);
            URI again = Dance.toUri(browser.open(Dance.authorizeUrl(BASE, CLIENT, reordered, Dance.redirectUri(PORT),
                    null)));
            assertThat(again.getPath()).isEqualTo("/demo/callback");
            assertThat(Dance.query(again).get("code")).matches("[0-9a-zA-Z]{6}");
        }
    }

    @Test
    void aSubsetOrSupersetOfTheGrantedScopesShowsTheConsentScreen() {
        try (Browser browser = new Browser()) {
            URI first = Dance.authorize(browser, Dance.authorizeUrl(BASE, CLIENT, "/authenticate /activities/update",
                    Dance.redirectUri(PORT), null), Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            assertThat(Tokens.exchange(Dance.query(first).get("code")).statusCode()).isEqualTo(200);
            for (String scope : new String[] { "/activities/update", "/authenticate /activities/update /read-limited" }) {
                HtmlPage page = browser.openHtml(Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), null));
                assertThat(page.getElementById("authorize")).as(scope).isNotNull();
            }
        }
    }

    @Test
    void promptConfirmAlwaysShowsTheConsentScreen() {
        try (Browser browser = new Browser()) {
            String scope = "openid /read-limited";
            URI first = Dance.authorize(browser, Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), null),
                    Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            assertThat(Tokens.exchange(Dance.query(first).get("code")).statusCode()).isEqualTo(200);
            HtmlPage page = browser.openHtml(
                    Dance.authorizeUrl(BASE, CLIENT, scope, Dance.redirectUri(PORT), null) + "&prompt=confirm");
            assertThat(page.getElementById("authorize")).isNotNull();
        }
    }

    /** Exchanges with the client under test. */
    private static final class Tokens {

        static java.net.http.HttpResponse<String> exchange(String code) {
            return org.orrery.support.Tokens.exchange(BASE, CLIENT, Dance.OTHER_MEMBER_SECRET, code,
                    Dance.redirectUri(PORT));
        }
    }
}
