package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

/**
 * The researcher's inbox (wave-2 spec §4.2, §4.3) through a browser: amended notifications for a client's changes
 * only, the header's unread count, mark read, archive, show archived, archive selected, and a permission
 * notification's wording, items, "Grant permissions" and "Archive without granting permissions".
 */
class InboxTests extends OrreryIntegrationTest {

    @Test
    void aClientsChangesToTheRecordArriveAsOneAmendedNotificationButTheResearchersOwnDoNot() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Amy", "Amended");
            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            Browser.type(editor, "keywords-content", "self-made keyword");
            Browser.click(editor, "add-keywords-button");
            HtmlPage inbox = browser.openHtml(BASE + "/inbox");
            assertThat(inbox.getElementById("inbox-empty")).isNotNull();
            assertThat(inbox.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox");

            String token = memberToken(researcher);
            String works = BASE + "/api/v3.0/" + researcher.orcid() + "/work";
            HttpResponse<String> first = Http.post(works, work("Amended Article One", "10.5555/amend-1"),
                    "Authorization", "Bearer " + token, "Content-Type", Notifications.JSON);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            HttpResponse<String> second = Http.post(works, work("Amended Article Two", "10.5555/amend-2"),
                    "Authorization", "Bearer " + token, "Content-Type", Notifications.JSON);
            String location = second.headers().firstValue("Location").orElseThrow();
            assertThat(Http.delete(location, "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);

            inbox = browser.openHtml(BASE + "/inbox");
            var cards = inbox.querySelectorAll("#notifications > li");
            assertThat(cards).hasSize(1);
            String card = cards.get(0).asNormalizedText();
            assertThat(card).contains("Test Member Integration updated your record")
                .contains("Works (3)")
                .contains("Added: Amended Article One")
                .contains("Added: Amended Article Two")
                .contains("Deleted: Amended Article Two")
                .contains("doi: 10.5555/amend-1")
                .doesNotContain("self-made keyword");
            assertThat(inbox.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox (1 unread)");
        }
    }

    @Test
    void theResearcherReadsArchivesShowsArchivedAndArchivesSelectedNotifications() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Ines", "Inbox");
            String token = Notifications.token(BASE, Notifications.NOTIFIER, Notifications.NOTIFIER_SECRET,
                    "/premium-notification");
            String a = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            String b = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            String c = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            HtmlPage inbox = browser.openHtml(BASE + "/inbox");
            assertThat(inbox.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox (3 unread)");
            assertThat(inbox.querySelectorAll("#notifications > li")).hasSize(3);

            inbox = Browser.click(inbox, "read-" + a);
            assertThat(inbox.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox (2 unread)");
            assertThat(inbox.getElementById("read-" + a)).isNull();
            assertThat(inbox.getHtmlElementById("notification-" + a).getAttribute("data-read")).isEqualTo("true");

            inbox = Browser.click(inbox, "archive-" + a);
            assertThat(inbox.getHtmlElementById("inbox-notice").asNormalizedText()).isEqualTo("Archived.");
            assertThat(inbox.getElementById("notification-" + a)).isNull();
            inbox = Browser.click(inbox, "show-archived");
            assertThat(inbox.getHtmlElementById("notification-" + a).asNormalizedText()).contains("Archived");
            inbox = Browser.click(inbox, "hide-archived");

            ((HtmlCheckBoxInput) inbox.getHtmlElementById("select-" + b)).setChecked(true);
            ((HtmlCheckBoxInput) inbox.getHtmlElementById("select-" + c)).setChecked(true);
            inbox = Browser.click(inbox, "archive-selected");
            assertThat(inbox.getElementById("inbox-empty")).isNotNull();
            assertThat(inbox.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox");
            inbox = Browser.click(inbox, "show-archived");
            assertThat(inbox.querySelectorAll("#notifications > li")).hasSize(3);

            // another researcher cannot touch them
            try (Browser other = new Browser()) {
                NewResearcher.register(other, BASE, "Otto", "Other");
                HtmlPage own = other.openHtml(BASE + "/inbox");
                assertThat(own.getElementById("notification-" + b)).isNull();
            }
        }
    }

    @Test
    void aPermissionNotificationShowsOrcidsWordingAndItsGrantRunsTheNormalDance() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Pam", "Permission");
            String token = Notifications.token(BASE, Notifications.NOTIFIER, Notifications.NOTIFIER_SECRET,
                    "/premium-notification");
            String putCode = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER,
                    Dance.redirectUri(PORT));
            String dismissed = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            HtmlPage inbox = browser.openHtml(BASE + "/inbox");
            String card = inbox.getHtmlElementById("notification-" + putCode).asNormalizedText();
            assertThat(card).contains("Add your works to your record")
                .contains("Notifying Member Integration would like your permission to interact with your ORCID Record"
                        + " as a trusted party.")
                .contains("We found 2 items of yours.")
                .contains("Works (1)")
                .contains("A Really Interesting Article")
                .contains("doi: 10.5555/12345")
                .contains("Employment (1)");
            assertThat(inbox.getHtmlElementById("grant-" + putCode).asNormalizedText()).isEqualTo("Grant permissions");
            assertThat(inbox.getHtmlElementById("archive-" + dismissed).asNormalizedText())
                .isEqualTo("Archive without granting permissions");

            inbox = Browser.click(inbox, "archive-" + dismissed);
            assertThat(inbox.getElementById("notification-" + dismissed)).isNull();

            Page consent = Browser.click(inbox, "grant-" + putCode);
            // the authorization request of the notification, on this registry: its consent page for the client
            assertThat(consent.getUrl().getPath()).startsWith("/oauth/");
            assertThat(((HtmlPage) consent).asNormalizedText()).contains("Notifying Member Integration");
            Page landed = Browser.click((HtmlPage) consent, "authorize");
            assertThat(Dance.query(Dance.toUri(landed)).get("code")).isNotBlank();

            JsonCheck.actioned(BASE, researcher.orcid(), token, putCode);
            JsonCheck.archived(BASE, researcher.orcid(), token, dismissed);
        }
    }

    /** The client sees the researcher's actions in the API's dates. */
    private static final class JsonCheck {

        static void actioned(String base, String orcid, String token, String putCode) {
            var json = Http.json(Notifications.get(base, Notifications.path(orcid) + "/" + putCode, token,
                    Notifications.JSON));
            assertThat(json.get("actioned-date").isNumber()).isTrue();
            assertThat(json.get("read-date").isNumber()).isTrue();
        }

        static void archived(String base, String orcid, String token, String putCode) {
            var json = Http.json(Notifications.get(base, Notifications.path(orcid) + "/" + putCode, token,
                    Notifications.JSON));
            assertThat(json.get("archived-date").isNumber()).isTrue();
        }
    }

    private static String memberToken(NewResearcher researcher) {
        try (Browser dance = new Browser()) {
            String code = Dance.code(dance, BASE, PORT, Dance.MEMBER, "/activities/update", researcher.email(),
                    researcher.password());
            HttpResponse<String> exchanged = Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(PORT));
            assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
            return Http.json(exchanged).get("access_token").asString();
        }
    }

    private static String work(String title, String doi) {
        return "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"journal-article\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi
                + "\",\"external-id-relationship\":\"self\"}]}}";
    }
}
