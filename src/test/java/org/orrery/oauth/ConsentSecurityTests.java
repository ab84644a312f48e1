package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.BOB_EMAIL;
import static org.orrery.support.Dance.BOB_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/**
 * The consent decision and the pages around it, attacked from a browser: forged or replayed decisions, another
 * researcher's decision, framing and referrer leaks, and the status of redirects after a credential post
 * (security rules 8 and 9; RFC 6749 §10.12; RFC 9700 §4.12, §4.16).
 */
class ConsentSecurityTests extends OrreryIntegrationTest {

    private static final String ANSWERED = "This authorization request has expired or was already answered."
            + " Please start again from the application.";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "authorize", "deny" })
    void decisionWithoutTheCsrfTokenIsRefusedAndIssuesNoCode(String button) {
        try (Browser browser = new Browser()) {
            HtmlPage consent = consentPage(browser, ADA_EMAIL, ADA_PASSWORD, "no-token");
            csrfInput(consent, button).remove();
            assertRefusedAsForged(Browser.click(consent, button));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "authorize", "deny" })
    void decisionWithAWrongCsrfTokenIsRefusedAndIssuesNoCode(String button) {
        try (Browser browser = new Browser()) {
            HtmlPage consent = consentPage(browser, ADA_EMAIL, ADA_PASSWORD, "wrong-token");
            HtmlInput csrf = csrfInput(consent, button);
            String genuine = csrf.getValue();
            csrf.setValue(forgedLike(genuine));
            assertRefusedAsForged(Browser.click(consent, button));

            csrf.setValue(genuine);
            URI landed = Dance.toUri(Browser.click(consent, button));
            assertThat(landed.getPath()).isEqualTo("/demo/callback");
            assertThat(Dance.query(landed)).containsEntry("state", "wrong-token");
        }
    }

    @Test
    void decisionWithTheTokenFromBeforeSignInIsRefused() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(
                    Dance.authorizeUrl(BASE, MEMBER, "openid", Dance.redirectUri(PORT), "stale-token") + "&prompt=confirm");
            HtmlForm signInForm = signIn.getHtmlElementById("signin-form");
            String beforeSignIn = signInForm.getInputByName("_csrf").getValue();
            HtmlPage consent = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            csrfInput(consent, "authorize").setValue(beforeSignIn);
            assertRefusedAsForged(Browser.click(consent, "authorize"));
        }
    }

    @Test
    void signInWithAForgedCsrfTokenIsRefusedNotAServerError() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/signin");
            HtmlForm form = signIn.getHtmlElementById("signin-form");
            HtmlInput csrf = form.getInputByName("_csrf");
            csrf.setValue(forgedLike(csrf.getValue()));
            Page refused = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(refused.getUrl().getPath()).isEqualTo("/signin");
            assertThat(((HtmlPage) refused).querySelector("h1").asNormalizedText()).isEqualTo("Access denied");
        }
    }

    @Test
    void signInPageCannotBeFramedAndLimitsTheReferrer() {
        try (Browser browser = new Browser()) {
            assertCannotBeFramed(browser.open(BASE + "/signin").getWebResponse());
        }
    }

    @Test
    void registerPageCannotBeFramedAndLimitsTheReferrer() {
        try (Browser browser = new Browser()) {
            assertCannotBeFramed(browser.open(BASE + "/register").getWebResponse());
        }
    }

    @Test
    void consentPageCannotBeFramedAndLimitsTheReferrer() {
        try (Browser browser = new Browser()) {
            HtmlPage consent = consentPage(browser, ADA_EMAIL, ADA_PASSWORD, "framed");
            assertThat(consent.getUrl().getPath()).isEqualTo("/oauth/consent");
            assertCannotBeFramed(consent.getWebResponse());
        }
    }

    @Test
    void authorizationErrorPageCannotBeFramedAndLimitsTheReferrer() {
        try (Browser browser = new Browser()) {
            WebResponse response = browser.open(
                    Dance.authorizeUrl(BASE, "APP-0000000000000000", "/authenticate", Dance.redirectUri(PORT), "x"))
                .getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertCannotBeFramed(response);
        }
    }

    @Test
    void signInDuringAnAuthorizationAnswers303BackToTheAuthorization() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(
                    Dance.authorizeUrl(BASE, MEMBER, "openid", Dance.redirectUri(PORT), "see-other") + "&prompt=confirm");
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse response = Browser.<Page>signIn(signIn, ADA_EMAIL, ADA_PASSWORD).getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(303);
            URI location = URI.create(BASE + "/").resolve(response.getResponseHeaderValue("Location"));
            assertThat(location.getPath()).isEqualTo("/oauth/authorize");
            assertThat(Dance.query(location)).containsEntry("client_id", MEMBER).containsEntry("state", "see-other");
        }
    }

    @Test
    void failedSignInAnswers303BackToTheSignInPage() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/signin");
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse response = Browser.<Page>signIn(signIn, ADA_EMAIL, "not-ada-password").getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(303);
            URI location = URI.create(BASE + "/").resolve(response.getResponseHeaderValue("Location"));
            assertThat(location.getPath()).isEqualTo("/signin");
            assertThat(location.getRawQuery()).isEqualTo("error");
        }
    }

    @Test
    void registeringAnswers303() {
        try (Browser browser = new Browser()) {
            HtmlPage register = browser.openHtml(BASE + "/register");
            Browser.type(register, "givenNames", "Mary");
            Browser.type(register, "familyName", "Somerville");
            Browser.type(register, "email", "mary.somerville@example.org");
            Browser.type(register, "password", "mary-password");
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse response = Browser.<Page>click(register, "register-button").getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(303);
            URI location = URI.create(BASE + "/").resolve(response.getResponseHeaderValue("Location"));
            assertThat(location.getPath()).isEqualTo("/my-orcid");
        }
    }

    @ParameterizedTest(name = "{0} again")
    @ValueSource(strings = { "authorize", "deny" })
    void consentStateCannotBeUsedAgainAfterTheDecision(String second) {
        try (Browser browser = new Browser()) {
            HtmlPage consent = consentPage(browser, ADA_EMAIL, ADA_PASSWORD, "once");
            WebRequest replay = form(consent, second).getWebRequest(consent.getHtmlElementById(second));
            URI landed = Dance.toUri(Browser.click(consent, "authorize"));
            assertThat(Dance.query(landed)).containsKey("code");

            assertAuthorizationErrorPage(send(browser, replay), ANSWERED);
        }
    }

    @Test
    void anotherResearchersSessionCannotDecideTheRequest() {
        try (Browser ada = new Browser(); Browser bob = new Browser()) {
            HtmlPage adasConsent = consentPage(ada, ADA_EMAIL, ADA_PASSWORD, "ada");
            String adasState = form(adasConsent, "authorize").getInputByName("state").getValue();

            HtmlPage bobsConsent = consentPage(bob, BOB_EMAIL, BOB_PASSWORD, "bob");
            form(bobsConsent, "authorize").getInputByName("state").setValue(adasState);
            assertAuthorizationErrorPage(Browser.click(bobsConsent, "authorize"), ANSWERED);

            URI landed = Dance.toUri(Browser.click(adasConsent, "authorize"));
            Map<String, String> query = Dance.query(landed);
            assertThat(query).containsEntry("state", "ada");
            HttpResponse<String> token = Http.postForm(BASE + "/oauth/token",
                    Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET, "grant_type", "authorization_code",
                            "code", query.get("code"), "redirect_uri", Dance.redirectUri(PORT)),
                    "Accept", "application/json");
            assertThat(Http.json(token).get("orcid").asString()).isEqualTo(ADA_ORCID);
        }
    }

    /** Starts an authorization for the seeded member client, signs in and returns the consent page. */
    private static HtmlPage consentPage(Browser browser, String userId, String password, String state) {
        HtmlPage signIn = browser.openHtml(
                Dance.authorizeUrl(BASE, MEMBER, "openid", Dance.redirectUri(PORT), state) + "&prompt=confirm");
        return Browser.signIn(signIn, userId, password);
    }

    /**
     * A token of the genuine one's length that is not the genuine one, and whose bytes, once unmasked, are not
     * text: the first half decodes to zero bytes and the second half to 0xFF bytes.
     */
    private static String forgedLike(String genuine) {
        int half = genuine.length() / 2;
        return "A".repeat(half) + "_".repeat(genuine.length() - half);
    }

    /** Posts a form again, as the browser's back button and a second press would. */
    private static Page send(Browser browser, WebRequest request) {
        try {
            return browser.client().getPage(request);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static HtmlForm form(HtmlPage consent, String button) {
        return consent.getHtmlElementById(button).getEnclosingForm();
    }

    private static HtmlInput csrfInput(HtmlPage consent, String button) {
        return form(consent, button).getInputByName("_csrf");
    }

    /** A forged decision: refused with 403, the browser stays on Orrery and no code or error reaches the client. */
    private static void assertRefusedAsForged(Page page) {
        WebResponse response = page.getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getResponseHeaderValue("Content-Type")).startsWith("text/html");
        assertThat(page.getUrl().getPath()).isEqualTo("/oauth/authorize");
        assertThat(((HtmlPage) page).querySelector("h1").asNormalizedText()).isEqualTo("Access denied");
    }

    /** Orrery's own error page: the browser was not sent to the client, so no code or error reached it. */
    private static void assertAuthorizationErrorPage(Page page, String message) {
        WebResponse response = page.getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getResponseHeaderValue("Location")).isNull();
        assertThat(page.getUrl().getPath()).isEqualTo("/oauth/authorize");
        assertThat(((HtmlPage) page).getHtmlElementById("oauth-error").asNormalizedText()).isEqualTo(message);
    }

    private static void assertCannotBeFramed(WebResponse response) {
        String csp = response.getResponseHeaderValue("Content-Security-Policy");
        assertThat(csp).isNotNull();
        assertThat(Arrays.stream(csp.split(";")).map(String::strip)).contains("frame-ancestors 'none'");
        assertThat(response.getResponseHeaderValue("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getResponseHeaderValue("Referrer-Policy")).isIn("no-referrer", "same-origin",
                "strict-origin", "strict-origin-when-cross-origin");
    }
}
