package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Items of one group (a shared external identifier) are one entry on the record editor and on the public page,
 * with "n sources" and each source's version behind it; the public page counts only public versions. Peer reviews
 * are listed under their review group's name, as registered through {@code /group-id-record}.
 */
class RecordGroupsPageTests extends OrreryIntegrationTest {

    private static final String JSON = "application/vnd.orcid+json";

    @Autowired
    private MessageSource messages;

    @Test
    void worksSharingADoiAreOneEntryWithEachSourcesVersionOnTheEditorAndThePublicPage() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Grace", "Grouped");
            String doi = "10.5555/grouped-" + UUID.randomUUID();
            String member = token(researcher, Dance.MEMBER, Dance.MEMBER_SECRET);
            String other = token(researcher, Dance.OTHER_MEMBER, Dance.OTHER_MEMBER_SECRET);
            long fromMember = post(researcher, member, "/work", work("The member's version", doi));
            long fromOther = post(researcher, other, "/work", work("The other member's version", doi));
            post(researcher, member, "/work", work("A work of its own", "10.5555/alone-" + UUID.randomUUID()));

            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            Browser.type(editor, "works-title", "My own version");
            Browser.type(editor, "works-doi", doi);
            editor = Browser.click(editor, "add-works-button");
            // the other member's version is made private: the public page must not count nor show it
            HtmlSelect visibility = editor.getHtmlElementById("visibility-" + fromOther);
            visibility.setSelectedAttribute("private", true);
            editor = Browser.click(editor, "save-visibility-" + fromOther);

            List<DomElement> entries = editor.getByXPath("//section[@id='section-works']//tbody/tr");
            assertThat(entries).hasSize(2);
            DomElement grouped = entries.stream().filter(tr -> tr.getAttribute("class").contains("grouped"))
                .findFirst().orElseThrow();
            String preferred = grouped.getId().substring("item-".length());
            assertThat(grouped.getElementsByTagName("summary").get(0).asNormalizedText())
                .isEqualTo(message("record.sources", Locale.ENGLISH, 3));
            assertThat(grouped.getByXPath(".//li[@class='version']")).hasSize(3);
            assertThat(editor.getHtmlElementById("versions-" + preferred).getTextContent()).contains("The member's version", "The other member's version", "My own version",
                    "Test Member Integration", "Other Member Integration");
            assertThat(editor.getHtmlElementById("version-" + preferred).asNormalizedText())
                .contains(message("record.preferred", Locale.ENGLISH));
            // each version other than the preferred one keeps its own visibility and delete controls
            assertThat(editor.getElementById("delete-" + (preferred.equals(String.valueOf(fromMember))
                    ? fromOther : fromMember))).isNotNull();

            HtmlPage publicPage = browser.openHtml(BASE + "/" + researcher.orcid() + "?lang=fr");
            List<DomElement> cards = publicPage.getByXPath("//section[@id='section-works']//article");
            assertThat(cards).hasSize(2);
            DomElement card = cards.stream().filter(a -> !a.getElementsByTagName("details").isEmpty()).findFirst()
                .orElseThrow();
            assertThat(card.getElementsByTagName("summary").get(0).asNormalizedText())
                .isEqualTo(message("record.sources", Locale.FRENCH, 2));
            assertThat(card.getTextContent()).contains("The member's version", "My own version")
                .doesNotContain("The other member's version", "Other Member Integration");
            assertThat(publicPage.getHtmlElementById("h-works").asNormalizedText()).endsWith("(2)");
        }
    }

    @Test
    void peerReviewsAreListedUnderTheirGroupsName() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Percy", "Reviewer");
            String groupToken = Http.json(Http.postForm(BASE + "/oauth/token", Map.of("client_id", Dance.MEMBER,
                    "client_secret", Dance.MEMBER_SECRET, "grant_type", "client_credentials", "scope",
                    "/group-id-record/update"), "Accept", "application/json")).get("access_token").asString();
            String groupId = "publons:" + UUID.randomUUID();
            String name = "Journal of Grouped Reviews " + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> group = Http.post(BASE + "/api/v3.0/group-id-record", "{\"name\":\"" + name
                    + "\",\"group-id\":\"" + groupId + "\",\"description\":\"Reviews\",\"type\":\"journal\"}",
                    "Authorization", "Bearer " + groupToken, "Content-Type", JSON, "Accept", JSON);
            assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
            String member = token(researcher, Dance.MEMBER, Dance.MEMBER_SECRET);
            post(researcher, member, "/peer-review", review(groupId, "first"));
            post(researcher, member, "/peer-review", review(groupId, "second"));

            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            DomElement heading = editor.getFirstByXPath("//section[@id='section-peer-reviews']//h3");
            assertThat(heading.asNormalizedText()).isEqualTo(name);
            assertThat(editor.getByXPath("//section[@id='section-peer-reviews']//tbody/tr")).hasSize(2);

            HtmlPage publicPage = browser.openHtml(BASE + "/" + researcher.orcid());
            DomElement publicHeading = publicPage.getFirstByXPath("//section[@id='section-peer-reviews']//h3");
            assertThat(publicHeading.asNormalizedText()).isEqualTo(name + " (2)");
            assertThat(publicPage.getByXPath("//section[@id='section-peer-reviews']//article")).hasSize(2);
        }
    }

    private static String token(NewResearcher researcher, String client, String secret) {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, client, "/activities/update /read-limited",
                    researcher.email(), researcher.password());
            HttpResponse<String> answer = Tokens.exchange(BASE, client, secret, code, Dance.redirectUri(PORT));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return Http.json(answer).get("access_token").asString();
        }
    }

    private static long post(NewResearcher researcher, String token, String path, String body) {
        HttpResponse<String> created = Http.post(BASE + "/api/v3.0/" + researcher.orcid() + path, body,
                "Authorization", "Bearer " + token, "Content-Type", JSON, "Accept", JSON);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String work(String title, String doi) {
        return "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"journal-article\",\"external-ids\":"
                + "{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi
                + "\",\"external-id-relationship\":\"self\"}]}}";
    }

    private static String review(String groupId, String id) {
        return "{\"reviewer-role\":\"reviewer\",\"review-identifiers\":{\"external-id\":[{\"external-id-type\":"
                + "\"source-work-id\",\"external-id-value\":\"R-" + id + "-" + UUID.randomUUID()
                + "\",\"external-id-relationship\":\"self\"}]},\"review-type\":\"review\",\"review-completion-date\":"
                + "{\"year\":{\"value\":\"2021\"}},\"review-group-id\":\"" + groupId + "\",\"convening-organization\":"
                + "{\"name\":\"Org " + id + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"}}}";
    }

    private String message(String key, Locale language, Object... args) {
        return this.messages.getMessage(key, args, language);
    }
}
