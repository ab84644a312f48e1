package org.orrery.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Account settings: changing the password (the current one required, other sessions signed out, mailed and
 * audited), signing out of every other session, and the links to the rest of the account.
 */
class AccountSettingsTests extends OrreryIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Ada", "Yonath");
            HtmlPage refused = changePassword(browser, "not-my-password", "a-new-password-1", "a-new-password-1");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getHtmlElementById("account-error").getTextContent())
                .isEqualTo("Your current password is not right. The password was not changed.");
            assertThat(signIn(researcher.email(), "a-new-password-1")).isEqualTo("/signin");
            assertThat(signIn(researcher.email(), researcher.password())).isEqualTo("/my-orcid");
        }
    }

    @Test
    void aNewPasswordMustBeLongEnoughAndTypedTwiceTheSame() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Barbara", "McClintock");
            Map<String[], String> cases = Map.of(new String[] { "short", "short" },
                    "The new password must be at least 8 characters.",
                    new String[] { "a-new-password-1", "a-new-password-2" }, "The two new passwords are not the same.",
                    new String[] { "é".repeat(40), "é".repeat(40) }, "The new password must be at most 72 bytes (UTF-8).",
                    new String[] { "tab\tin-password", "tab\tin-password" },
                    "The new password may not contain control characters.");
            cases.forEach((typed, message) -> {
                HtmlPage refused = changePassword(browser, researcher.password(), typed[0], typed[1]);
                assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
                assertThat(refused.getHtmlElementById("account-error").getTextContent()).isEqualTo(message);
            });
            assertThat(signIn(researcher.email(), researcher.password())).isEqualTo("/my-orcid");
        }
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSessionAndIsMailedAndAudited() {
        try (Browser browser = new Browser(); Browser elsewhere = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Rosalind", "Franklin");
            Browser.signIn(elsewhere.openHtml(BASE + "/signin"), researcher.email(), researcher.password());
            assertThat(elsewhere.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(browser.openHtml(BASE + "/account").getHtmlElementById("other-sessions").getTextContent())
                .isEqualTo("Other signed-in sessions: 1");

            HtmlPage changed = changePassword(browser, researcher.password(), "rosalind-new-pw", "rosalind-new-pw");
            assertThat(changed.getUrl().toString()).endsWith("/account?passwordChanged");
            assertThat(changed.getHtmlElementById("password-changed").getTextContent())
                .isEqualTo("Your password has been changed. Every other session has been signed out.");

            assertThat(elsewhere.openHtml(BASE + "/my-orcid").getUrl().getPath()).as("the other browser")
                .isEqualTo("/signin");
            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).as("this browser")
                .isEqualTo("/my-orcid");
            assertThat(signIn(researcher.email(), researcher.password())).isEqualTo("/signin");
            assertThat(signIn(researcher.email(), "rosalind-new-pw")).isEqualTo("/my-orcid");

            assertThat(history(browser)).contains("PASSWORD_CHANGED");
            assertThat(this.jdbc.queryForList("SELECT template FROM mail_outbox WHERE recipient = ? ORDER BY id",
                    String.class, researcher.email())).as("after the address check registering sends")
                .endsWith("password-changed").containsOnlyOnce("password-changed");
        }
    }

    @Test
    void signingOutOfEveryOtherSessionEndsAnotherBrowsersSessionOnly() {
        try (Browser browser = new Browser(); Browser other = new Browser(); Browser third = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Lise", "Meitner");
            Browser.signIn(other.openHtml(BASE + "/signin"), researcher.email(), researcher.password());
            Browser.signIn(third.openHtml(BASE + "/signin"), researcher.orcid(), researcher.password());

            HtmlPage account = browser.openHtml(BASE + "/account");
            assertThat(account.getHtmlElementById("other-sessions").getTextContent())
                .isEqualTo("Other signed-in sessions: 2");
            HtmlPage ended = Browser.click(account, "end-other-sessions");
            assertThat(ended.getHtmlElementById("sessions-ended").getTextContent())
                .isEqualTo("Signed out of 2 other session(s).");
            assertThat(ended.getHtmlElementById("other-sessions").getTextContent())
                .isEqualTo("Other signed-in sessions: 0");

            assertThat(other.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");
            assertThat(third.openHtml(BASE + "/account").getUrl().getPath()).isEqualTo("/signin");
            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(history(browser)).first().isEqualTo("OTHER_SESSIONS_ENDED");
        }
    }

    @Test
    void theSettingsPageLinksToTheRestOfTheAccount() {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Chien-Shiung", "Wu");
            HtmlPage account = browser.openHtml(BASE + "/account");
            assertThat(List.of("emails-link", "trusted-organizations-link", "history-link", "two-factor-link").stream()
                .map(id -> account.getHtmlElementById(id).getAttribute("href")).toList())
                .containsExactly("/account/emails", "/account/trusted-organizations", "/account/history",
                        "/account/two-factor");
            assertThat(account.getHtmlElementById("account-two-factor-status").getTextContent())
                .isEqualTo("Two-factor sign-in is off.");
        }
    }

    @Test
    void theFormsRefuseAPostWithoutItsCsrfTokenAndAnonymousVisitorsGoToSignIn() {
        assertThat(Http.postForm(BASE + "/account/password", Map.of("currentPassword", "x", "newPassword",
                "yyyyyyyy", "confirmPassword", "yyyyyyyy")).statusCode()).isEqualTo(403);
        assertThat(Http.postForm(BASE + "/account/sessions/end-others", Map.of()).statusCode()).isEqualTo(403);
        try (Browser browser = new Browser()) {
            assertThat(browser.openHtml(BASE + "/account").getUrl().getPath()).isEqualTo("/signin");
        }
    }

    private static HtmlPage changePassword(Browser browser, String current, String chosen, String again) {
        HtmlPage account = browser.openHtml(BASE + "/account");
        Browser.type(account, "currentPassword", current);
        Browser.type(account, "newPassword", chosen);
        Browser.type(account, "confirmPassword", again);
        return Browser.click(account, "change-password");
    }

    /** Signs in in a fresh browser; returns the path it lands on. */
    private static String signIn(String userId, String password) {
        try (Browser browser = new Browser()) {
            return Browser.signIn(browser.openHtml(BASE + "/signin"), userId, password).getUrl().getPath();
        }
    }

    private static List<String> history(Browser browser) {
        return browser.openHtml(BASE + "/account/history").querySelectorAll("#account-history tbody tr").stream()
            .map(row -> ((DomElement) row).getAttribute("data-event-type"))
            .toList();
    }
}
