package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Browser;
import org.orrery.support.OrreryIntegrationTest;

/** The sign-in page in a real browser: every accepted spelling of the user id, failures, and signing out. */
class SignInPageTests extends OrreryIntegrationTest {

    private static final String FAILED = "Incorrect email, ORCID iD or password. Please try again.";

    @ParameterizedTest
    @ValueSource(strings = { ADA_EMAIL, "Ada@Example.ORG", ADA_ORCID, "https://orcid.org/" + ADA_ORCID,
            "http://orcid.org/" + ADA_ORCID, "https://sandbox.orcid.org/" + ADA_ORCID })
    void signingInWithEmailOrIdOrIdUrlOpensTheRecord(String userId) {
        try (Browser browser = new Browser()) {
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), userId, ADA_PASSWORD);
            assertThat(record.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(ADA_ORCID);
            assertThat(record.getHtmlElementById("display-name").asNormalizedText()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void signingInWithTheIdAsThisRegistrysOwnUrlWorks() {
        try (Browser browser = new Browser()) {
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), BASE + "/" + ADA_ORCID, ADA_PASSWORD);
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void signingInAnswers303ToTheRecord() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/signin");
            browser.client().getOptions().setRedirectEnabled(false);
            Page answer = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            assertThat(answer.getWebResponse().getResponseHeaderValue("Location")).endsWith("/my-orcid");
        }
    }

    @Test
    void wrongPasswordShowsTheMessageAndKeepsTheTypedUserId() {
        try (Browser browser = new Browser()) {
            HtmlPage again = Browser.signIn(browser.openHtml(BASE + "/signin"), "https://orcid.org/" + ADA_ORCID,
                    "not-ada-password");
            assertThat(again.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(again.getUrl().getPath()).isEqualTo("/signin");
            assertThat(again.getHtmlElementById("signin-error").asNormalizedText()).isEqualTo(FAILED);
            HtmlInput userId = again.getHtmlElementById("userId");
            assertThat(userId.getValue()).isEqualTo("https://orcid.org/" + ADA_ORCID);
            HtmlInput password = again.getHtmlElementById("password");
            assertThat(password.getValue()).isEmpty();
            assertThat(again.getWebResponse().getContentAsString()).doesNotContain("not-ada-password");

            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");
        }
    }

    @Test
    void unknownAccountGetsTheSameMessageAsAWrongPassword() {
        try (Browser browser = new Browser()) {
            HtmlPage again = Browser.signIn(browser.openHtml(BASE + "/signin"), "nobody@example.org", ADA_PASSWORD);
            assertThat(again.getHtmlElementById("signin-error").asNormalizedText()).isEqualTo(FAILED);
            HtmlInput userId = again.getHtmlElementById("userId");
            assertThat(userId.getValue()).isEqualTo("nobody@example.org");
        }
    }

    @Test
    void theMessageIsShownOnceAndTheTypedUserIdIsNotKeptForever() {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, "wrong-password");
            HtmlPage fresh = browser.openHtml(BASE + "/signin");
            assertThat(fresh.getElementById("signin-error")).isNull();
            HtmlInput userId = fresh.getHtmlElementById("userId");
            assertThat(userId.getValue()).isEmpty();
        }
    }

    @Test
    void rightPasswordAfterAWrongOneSignsIn() {
        try (Browser browser = new Browser()) {
            HtmlPage again = Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, "wrong-password");
            HtmlPage record = Browser.signIn(again, ADA_EMAIL, ADA_PASSWORD);
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void signingOutPostsWithTheCsrfTokenAndEndsTheSession() {
        try (Browser browser = new Browser()) {
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            HtmlButton signOut = record.getFirstByXPath("//form[@action='/signout' and @method='post']//button");
            assertThat(signOut.asNormalizedText()).isEqualTo("Sign out");
            HtmlInput csrf = record.getFirstByXPath("//form[@action='/signout']//input[@name='_csrf']");
            assertThat(csrf.getValue()).isNotBlank();

            HtmlPage signedOut = click(signOut);
            assertThat(signedOut.getUrl().getPath()).isEqualTo("/signin");
            assertThat(signedOut.getUrl().getQuery()).isEqualTo("signedOut");
            assertThat(signedOut.asNormalizedText()).contains("You have signed out.");

            HtmlPage after = browser.openHtml(BASE + "/my-orcid");
            assertThat(after.getUrl().getPath()).isEqualTo("/signin");
        }
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefusedAndKeepsTheSession() {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            Page refused = post(browser, "/signout", List.of());
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(((HtmlPage) refused).getFirstByXPath("//h1/text()").toString()).isEqualTo("Access denied");

            HtmlPage record = browser.openHtml(BASE + "/my-orcid");
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void signingOutWithGetDoesNotSignOut() {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), ADA_EMAIL, ADA_PASSWORD);
            browser.open(BASE + "/signout");
            HtmlPage record = browser.openHtml(BASE + "/my-orcid");
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefused() {
        try (Browser browser = new Browser()) {
            browser.openHtml(BASE + "/signin");
            Page refused = post(browser, "/signin",
                    List.of(new NameValuePair("userId", ADA_EMAIL), new NameValuePair("password", ADA_PASSWORD)));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");
        }
    }

    /** A form post as a browser sends it, but without the page's CSRF token. */
    private static Page post(Browser browser, String path, List<NameValuePair> form) {
        try {
            WebRequest request = new WebRequest(new URL(BASE + path), HttpMethod.POST);
            request.setAdditionalHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            request.setRequestParameters(form);
            return browser.client().getPage(request);
        }
        catch (MalformedURLException ex) {
            throw new IllegalArgumentException(ex);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static HtmlPage click(HtmlButton button) {
        try {
            return button.click();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
