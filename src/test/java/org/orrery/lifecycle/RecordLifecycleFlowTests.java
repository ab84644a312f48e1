package org.orrery.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The researcher's own lifecycle flows in a browser: deactivating through the mailed link and the password,
 * reactivating through a link mailed to the record's address, and merging a duplicate into the signed-in record.
 * Mail is read where the registry queues it ({@code mail_outbox}), in the transaction of the action.
 */
class RecordLifecycleFlowTests extends OrreryIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=[A-Za-z0-9_-]+");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordLifecycle lifecycle;

    @Test
    void deactivationNeedsTheMailedLinkAndThePasswordThenHidesTheRecordAndSignsOut() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Dora", "Deactivate");
            HtmlPage page = browser.openHtml(BASE + "/account/deactivate");
            assertThat(page.asNormalizedText()).contains(researcher.orcid());
            HtmlPage sent = Browser.click(page, "send-deactivation-link");
            assertThat(sent.getElementById("deactivate-sent")).isNotNull();
            String link = mailedLink(researcher.email(), "lifecycle-deactivate");
            assertThat(subjectOf(researcher.email(), "lifecycle-deactivate"))
                .isEqualTo("Confirm the deactivation of your ORCID record");

            HtmlPage confirm = browser.openHtml(link);
            assertThat(confirm.getElementById("code")).as("no code while two-factor is off").isNull();
            Browser.type(confirm, "password", "not-the-password");
            HtmlPage wrong = Browser.click(confirm, "confirm-deactivation");
            assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(wrong.getElementById("deactivate-error").asNormalizedText()).contains("password");
            assertThat(publicRecordStatus(researcher.orcid())).isEqualTo(200);

            Browser.type(wrong, "password", researcher.password());
            HtmlPage done = Browser.click(wrong, "confirm-deactivation");
            assertThat(done.getUrl().getPath()).isEqualTo("/account/deactivate/done");
            assertThat(done.getElementById("deactivated-notice")).isNotNull();
            assertThat(publicRecordStatus(researcher.orcid())).isEqualTo(409);
            assertThat(browser.open(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");

            HtmlPage reused = browser.openHtml(link);
            assertThat(reused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(reused.getElementById("bad-link")).isNotNull();

            HtmlPage publicPage = browser.openHtml(BASE + "/" + researcher.orcid());
            assertThat(publicPage.getElementById("record-state").getAttribute("data-state")).isEqualTo("DEACTIVATED");
            assertThat(publicPage.asNormalizedText()).doesNotContain("Dora");
        }
    }

    @Test
    void signingInToADeactivatedRecordExplainsItAndLeadsToReactivation() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Sid", "Signin");
        }
        this.lifecycle.deactivate(researcher.orcid(), Actor.operator("test"));
        try (Browser browser = new Browser()) {
            Page wrong = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(), "wrong-password");
            assertThat(wrong.getUrl().getPath()).as("a wrong password reveals nothing").isEqualTo("/signin");
            HtmlPage explained = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(),
                    researcher.password());
            assertThat(explained.getUrl().getPath()).isEqualTo("/signin/record-state");
            assertThat(explained.getElementById("state-message").asNormalizedText()).contains(researcher.orcid())
                .contains("deactivated");
            assertThat(explained.getElementById("reactivate-link").getAttribute("href")).isEqualTo("/reactivate");
            assertThat(browser.open(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");
        }
    }

    @Test
    void reactivationMailsALinkOnlyToADeactivatedRecordAndSetsANewPassword() {
        NewResearcher researcher;
        NewResearcher active;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Rhea", "Reactivate");
        }
        try (Browser browser = new Browser()) {
            active = NewResearcher.register(browser, BASE, "Amos", "Active");
        }
        this.lifecycle.deactivate(researcher.orcid(), Actor.operator("test"));
        try (Browser browser = new Browser()) {
            String unknownAnswer = requestReactivation(browser, "nobody-" + System.nanoTime() + "@example.org");
            String activeAnswer = requestReactivation(browser, active.email());
            String deactivatedAnswer = requestReactivation(browser, researcher.email().toUpperCase());
            assertThat(unknownAnswer).isEqualTo(activeAnswer).isEqualTo(deactivatedAnswer);
            assertThat(mails(active.email(), "lifecycle-reactivate")).isEmpty();
            String link = mailedLink(researcher.email(), "lifecycle-reactivate");

            HtmlPage form = browser.openHtml(link);
            Browser.type(form, "givenNames", "Rhea");
            Browser.type(form, "familyName", "Returned");
            Browser.type(form, "password", "new-password-1");
            Browser.type(form, "passwordConfirm", "new-password-2");
            HtmlPage differ = Browser.click(form, "confirm-reactivation");
            assertThat(differ.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(differ.getElementById("reactivate-error")).isNotNull();
            assertThat(this.lifecycle.stateOf(researcher.orcid()).status()).isEqualTo(RecordState.Status.DEACTIVATED);

            Browser.type(differ, "password", "new-password-1");
            Browser.type(differ, "passwordConfirm", "new-password-1");
            HtmlPage done = Browser.click(differ, "confirm-reactivation");
            assertThat(done.getUrl().getPath()).isEqualTo("/reactivate/done");
            assertThat(browser.openHtml(link).getElementById("bad-link")).isNotNull();
        }
        try (Browser browser = new Browser()) {
            assertThat(Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(), researcher.password())
                .getUrl().getPath()).as("the old password is gone").isEqualTo("/signin");
            assertThat(Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(), "new-password-1")
                .getUrl().getPath()).isEqualTo("/my-orcid");
        }
        HttpResponse<String> record = Subject.send("GET", BASE + "/pub/v3.0/" + researcher.orcid() + "/person",
                null, Subject.JSON, null);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(Http.json(record).at("/name/family-name/value").asString()).isEqualTo("Returned");
    }

    @Test
    void aPasswordResetAskedForADeactivatedRecordMailsTheReactivationLinkInstead() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Rita", "Reset");
        }
        this.lifecycle.deactivate(researcher.orcid(), Actor.operator("test"));
        try (Browser browser = new Browser()) {
            HtmlPage form = browser.openHtml(BASE + "/reset-password");
            Browser.type(form, "email", researcher.email());
            Browser.click(form, "reset-request-button");
        }
        assertThat(mails(researcher.email(), "reset-password")).as("no reset link for a deactivated record").isEmpty();
        HtmlPage reactivation;
        try (Browser browser = new Browser()) {
            reactivation = browser.openHtml(mailedLink(researcher.email(), "lifecycle-reactivate"));
        }
        assertThat(reactivation.getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void mergingProvesTheOtherRecordsPasswordThenDeprecatesItIntoTheSignedInRecord() {
        NewResearcher gone;
        try (Browser goneBrowser = new Browser(); Browser keptBrowser = new Browser()) {
            gone = NewResearcher.register(goneBrowser, BASE, "Gus", "Duplicate");
            NewResearcher kept = NewResearcher.register(keptBrowser, BASE, "Kim", "Kept");
            String otherAddress = "other-" + gone.orcid() + "@example.org";
            this.jdbc.update("INSERT INTO email_address (address, orcid, verified, is_primary, visibility, added_at,"
                    + " verified_at) VALUES (?, ?, TRUE, FALSE, 'PRIVATE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                    otherAddress, gone.orcid());

            HtmlPage form = keptBrowser.openHtml(BASE + "/account/merge");
            HtmlPage wrong = submitMerge(form, gone.email(), "wrong-password");
            assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(wrong.getElementById("merge-error").asNormalizedText()).contains("do not match");
            HtmlPage self = submitMerge(wrong, kept.orcid(), kept.password());
            assertThat(self.getWebResponse().getStatusCode()).isEqualTo(409);
            assertThat(self.getElementById("merge-error").asNormalizedText()).contains("itself");

            HtmlPage pending = submitMerge(self, gone.email(), gone.password());
            assertThat(pending.getElementById("merge-pending").asNormalizedText()).contains(gone.orcid())
                .contains("Gus Duplicate").contains(kept.orcid());
            assertThat(this.lifecycle.stateOf(gone.orcid()).isActive()).as("nothing before confirming").isTrue();
            HtmlPage merged = Browser.click(pending, "confirm-merge");
            assertThat(merged.getElementById("merge-done").asNormalizedText()).contains(gone.orcid());
            assertThat(this.jdbc.queryForObject("SELECT orcid FROM email_address WHERE address = ?", String.class,
                    otherAddress)).as("the other record's further address moves to the kept one").isEqualTo(kept.orcid());

            HttpResponse<String> redirected = Subject.send("GET", BASE + "/pub/v3.0/" + gone.orcid() + "/record",
                    null, Subject.JSON, null);
            assertThat(redirected.statusCode()).isEqualTo(301);
            assertThat(redirected.headers().firstValue("Location"))
                .hasValue(BASE + "/pub/v3.0/" + kept.orcid() + "/record");
            assertThat(goneBrowser.open(BASE + "/my-orcid").getUrl().getPath()).as("signed out everywhere")
                .isEqualTo("/signin");

            HtmlPage publicPage = keptBrowser.openHtml(BASE + "/" + gone.orcid());
            assertThat(publicPage.getElementById("kept-record-link").getAttribute("href"))
                .isEqualTo("/" + kept.orcid());

            HtmlPage again = submitMerge(keptBrowser.openHtml(BASE + "/account/merge"), gone.orcid(),
                    gone.password());
            assertThat(again.getWebResponse().getStatusCode()).isEqualTo(409);
        }
        try (Browser browser = new Browser()) {
            HtmlPage explained = Browser.signIn(browser.openHtml(BASE + "/signin"), gone.email(), gone.password());
            assertThat(explained.getUrl().getPath()).isEqualTo("/signin/record-state");
            String kept = this.lifecycle.stateOf(gone.orcid()).deprecatedInto();
            assertThat(explained.getElementById("kept-orcid").asNormalizedText()).contains(kept);
            assertThat(explained.getElementById("kept-signin-link").getAttribute("href"))
                .isEqualTo("/signin?orcid=" + kept);
        }
    }

    @Test
    void aConfirmationLinkThatIsMalformedUnknownOrMissingGetsAReadablePage() {
        try (Browser browser = new Browser()) {
            for (String url : List.of("/account/deactivate/confirm", "/account/deactivate/confirm?token=",
                    "/account/deactivate/confirm?token=%00abc", "/reactivate/confirm?token=" + "x".repeat(5000),
                    "/reactivate/confirm?token=unknown")) {
                HtmlPage page = browser.openHtml(BASE + url);
                assertThat(page.getWebResponse().getStatusCode()).as(url).isEqualTo(400);
                assertThat(page.getElementById("bad-link")).as(url).isNotNull();
            }
        }
    }

    private static HtmlPage submitMerge(HtmlPage page, String otherId, String password) {
        Browser.type(page, "otherId", otherId);
        Browser.type(page, "password", password);
        return Browser.click(page, "check-merge");
    }

    private static String requestReactivation(Browser browser, String email) {
        HtmlPage form = browser.openHtml(BASE + "/reactivate");
        Browser.type(form, "email", email);
        HtmlPage answer = Browser.click(form, "send-reactivation-link");
        return answer.getElementById("reactivate-sent").asNormalizedText();
    }

    private static int publicRecordStatus(String orcid) {
        return Subject.send("GET", BASE + "/pub/v3.0/" + orcid + "/record", null, Subject.JSON, null).statusCode();
    }

    private List<String> mails(String recipient, String template) {
        return this.jdbc.queryForList("SELECT text_body FROM mail_outbox WHERE recipient = ? AND template = ?"
                + " ORDER BY id DESC", String.class, recipient.toLowerCase(), template);
    }

    private String subjectOf(String recipient, String template) {
        return this.jdbc.queryForList("SELECT subject FROM mail_outbox WHERE recipient = ? AND template = ?"
                + " ORDER BY id DESC", String.class, recipient.toLowerCase(), template).get(0);
    }

    private String mailedLink(String recipient, String template) {
        List<String> bodies = mails(recipient, template);
        assertThat(bodies).as("mail " + template + " to " + recipient).isNotEmpty();
        Matcher link = LINK.matcher(bodies.get(0));
        assertThat(link.find()).as(bodies.get(0)).isTrue();
        return link.group();
    }
}
