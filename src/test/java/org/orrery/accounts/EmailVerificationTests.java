package org.orrery.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.SmtpNodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verified addresses (ORCID wave 2 §5.1) on a node that sends through a real SMTP server: registration mails a
 * link that verifies the address signed in or not; until the primary address is verified the record editor's
 * "add" and developer tools refuse with a way to resend, and the API shows no unverified address; the e-mail page
 * adds, verifies, makes primary (mailed to both), and removes addresses.
 */
class EmailVerificationTests extends OrreryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GreenMail smtp;

    private OrreryNode node;

    @BeforeEach
    void shared() {
        this.node = SmtpNodes.first();
        this.smtp = SmtpNodes.smtp();
    }

    @Test
    void untilThePrimaryAddressIsVerifiedAddingIsRefusedAndTheApiShowsNoAddress() throws Exception {
        try (Browser browser = AccountsNode.from(source()); Browser stranger = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, false);
            setVisibility(browser, 0, "public");
            assertThat(emails(researcher.orcid())).isEmpty();

            HtmlPage editor = browser.openHtml(base() + "/my-orcid/record");
            assertThat(editor.getElementById("verify-notice").asNormalizedText()).contains(researcher.email());
            Browser.type(editor, "keywords-content", "astrolabes");
            HtmlPage refused = Browser.click(editor, "add-keywords-button");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(refused.getElementById("verification-required").asNormalizedText()).startsWith(
                    "Adding items to your record and registering a developer-tools client need a verified primary");
            HtmlPage tools = browser.openHtml(base() + "/developer-tools");
            fillClient(tools);
            assertThat(Browser.<HtmlPage>click(tools, "register-client").getWebResponse().getStatusCode())
                .isEqualTo(403);
            editor = browser.openHtml(base() + "/my-orcid/record");
            Browser.type(editor, "givenNames", "Renamed");
            assertThat(Browser.<HtmlPage>click(editor, "save-name").getElementById("message"))
                .as("names may be changed before verifying").isNotNull();

            HtmlPage resent = Browser.click(refused, "resend-verification");
            assertThat(resent.getElementById("emails-notice").asNormalizedText())
                .isEqualTo("We have sent a new verification link.");
            String link = AccountsNode.link(smtp, researcher.email(), 2, "/verify-email/");
            HtmlPage verified = stranger.openHtml(link);
            assertThat(verified.getElementById("email-verified").asNormalizedText())
                .isEqualTo("Thank you: " + researcher.email() + " is verified.");

            List<JsonNode> shown = emails(researcher.orcid());
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).path("email").asString()).isEqualTo(researcher.email());
            assertThat(shown.get(0).path("verified").asBoolean()).isTrue();
            assertThat(shown.get(0).path("primary").asBoolean()).isTrue();
            editor = browser.openHtml(base() + "/my-orcid/record");
            Browser.type(editor, "keywords-content", "astrolabes");
            assertThat(Browser.<HtmlPage>click(editor, "add-keywords-button").getElementById("message")
                .asNormalizedText()).isEqualTo("Added to your keywords.");
            tools = browser.openHtml(base() + "/developer-tools");
            fillClient(tools);
            assertThat(Browser.<HtmlPage>click(tools, "register-client").getElementById("new-client")).isNotNull();
        }
    }

    @Test
    void aResearcherAddsVerifiesAndMakesPrimaryAnotherAddressAndRemovesTheOldOne() throws Exception {
        try (Browser browser = AccountsNode.from(source()); Browser stranger = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            String second = "second-" + UUID.randomUUID() + "@example.org";
            HtmlPage page = browser.openHtml(base() + "/account/emails");
            Browser.type(page, "new-email", second);
            page = Browser.click(page, "add-email-button");
            assertThat(page.getElementById("emails-notice").asNormalizedText())
                .isEqualTo("Address added. We have sent it a verification link.");
            assertThat(page.getElementById("email-1").asNormalizedText()).contains(second).contains("Not verified");
            page = Browser.click(page, "resend-1");
            assertThat(page.getElementById("emails-notice").asNormalizedText())
                .isEqualTo("We have sent a new verification link.");

            Browser.type(page, "new-email", Dance.ADA_EMAIL);
            page = Browser.click(page, "add-email-button");
            assertThat(page.getElementById("emails-error").asNormalizedText())
                .isEqualTo("This address is already on an account.");

            stranger.openHtml(AccountsNode.link(smtp, second, 1, "/verify-email/"));
            page = browser.openHtml(base() + "/account/emails");
            assertThat(page.getElementById("email-1").asNormalizedText()).contains(second).contains("Verified");
            page = Browser.click(page, "make-primary-1");
            assertThat(page.getElementById("emails-notice").asNormalizedText())
                .isEqualTo("Your primary address was changed. We have told both addresses.");
            assertThat(page.getElementById("email-0").asNormalizedText()).contains(second).contains("Primary");
            assertThat(SmtpNodes.await(smtp, researcher.email(), 2, 20_000).get(1).getSubject())
                .isEqualTo("Your primary email address was changed");
            assertThat(SmtpNodes.await(smtp, second, 3, 20_000).get(2).getSubject())
                .isEqualTo("Your primary email address was changed");

            page = Browser.click(page, "remove-1");
            assertThat(page.getElementById("emails-notice").asNormalizedText()).isEqualTo("Address removed.");
            assertThat(page.getElementById("email-addresses").asNormalizedText()).doesNotContain(researcher.email());

            try (Browser later = AccountsNode.from(source())) {
                assertThat(Browser.<HtmlPage>signIn(later.openHtml(base() + "/signin"), second, researcher.password())
                    .getUrl().getPath()).isEqualTo("/my-orcid");
            }
            try (Browser later = AccountsNode.from(source())) {
                assertThat(Browser.<HtmlPage>signIn(later.openHtml(base() + "/signin"), researcher.email(),
                        researcher.password()).getUrl().getPath()).isEqualTo("/signin");
            }
            HttpResponse<String> audit = Http.get(node.url() + "/admin/audit-events?orcid=" + researcher.orcid()
                    + "&type=PRIMARY_EMAIL_CHANGED", "Authorization", "Bearer " + OPERATOR_TOKEN);
            assertThat(JSON.readTree(audit.body()).path("events")).hasSize(1);
        }
    }

    @Test
    void usedUnknownMalformedAndOrphanedLinksGetClearPages() {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            HtmlPage again = browser.openHtml(AccountsNode.link(smtp, researcher.email(), 1, "/verify-email/"));
            assertThat(again.getElementById("email-verified").asNormalizedText())
                .isEqualTo(researcher.email() + " was already verified.");

            String removed = "gone-" + UUID.randomUUID() + "@example.org";
            HtmlPage page = browser.openHtml(base() + "/account/emails");
            Browser.type(page, "new-email", removed);
            Browser.click(Browser.click(page, "add-email-button"), "remove-1");
            HtmlPage orphaned = browser.openHtml(AccountsNode.link(smtp, removed, 1, "/verify-email/"));
            assertThat(orphaned.getWebResponse().getStatusCode()).isEqualTo(410);
            assertThat(orphaned.getElementById("link-problem").asNormalizedText())
                .isEqualTo("The address this link verifies is no longer on the account it was sent for.");

            for (String token : new String[] { "abc", "A".repeat(43), "A".repeat(44) }) {
                HtmlPage unknown = browser.openHtml(base() + "/verify-email/" + token);
                assertThat(unknown.getWebResponse().getStatusCode()).isEqualTo(404);
                assertThat(unknown.getElementById("link-problem").asNormalizedText())
                    .startsWith("This verification link is not valid.");
            }
        }
    }

    private void setVisibility(Browser browser, int row, String visibility) {
        HtmlPage page = browser.openHtml(base() + "/account/emails");
        HtmlSelect select = page.getHtmlElementById("visibility-" + row);
        select.setSelectedAttribute(visibility, true);
        HtmlPage saved = Browser.click(page, "save-visibility-" + row);
        assertThat(saved.getElementById("emails-notice").asNormalizedText()).isEqualTo("Visibility saved.");
    }

    private List<JsonNode> emails(String orcid) throws Exception {
        HttpResponse<String> answer = Http.get(base() + "/pub/v3.0/" + orcid + "/email", "Accept",
                "application/vnd.orcid+json");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(answer.body()).path("email").forEach(list::add);
        return list;
    }

    private static void fillClient(HtmlPage tools) {
        Browser.type(tools, "name", "Gated client");
        tools.<HtmlTextArea>getHtmlElementById("description").setText("Waits for a verified address.");
        tools.<HtmlTextArea>getHtmlElementById("redirectUris").setText("https://example.org/callback");
    }

    private static String source() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private String base() {
        return "http://localhost:" + this.node.port();
    }
}
