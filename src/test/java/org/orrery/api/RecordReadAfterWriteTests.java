package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * A node keeps the answers of whole-document reads per record version; what a user sees of that: every read
 * that follows a write shows the write, whichever kind of write it was and whatever document is read, and every
 * reader gets the answer made for what it may see. Each test reads first (so that the answer is kept), then
 * writes, then reads again. Each works on a researcher of its own, registered through the register page.
 */
class RecordReadAfterWriteTests extends OrreryIntegrationTest {

    private static final String WRITE_SCOPES = "/activities/update /person/update /read-limited";

    /** A researcher registered for one test, with a browser signed in as them. */
    private record Account(String orcid, String email, String password, Browser browser) implements AutoCloseable {

        static Account register(String givenNames, String familyName) {
            Browser browser = new Browser();
            NewResearcher researcher = NewResearcher.register(browser, BASE, givenNames, familyName);
            return new Account(researcher.orcid(), researcher.email(), researcher.password(), browser);
        }

        String api(String path) {
            return BASE + "/api/v3.0/" + this.orcid + path;
        }

        String pub(String path) {
            return BASE + "/pub/v3.0/" + this.orcid + path;
        }

        String token(String clientId, String secret, String scope) {
            return RecordApi.token(BASE, PORT, clientId, secret, scope, this.email, this.password);
        }

        HtmlPage editor() {
            return this.browser.openHtml(BASE + "/my-orcid/record");
        }

        /** Picks a visibility in one of the editor's forms and saves it; the editor the browser lands on. */
        HtmlPage save(String selectId, String visibility, String button) {
            HtmlPage editor = editor();
            HtmlSelect select = editor.getHtmlElementById(selectId);
            select.setSelectedAttribute(visibility, true);
            HtmlPage saved = Browser.click(editor, button);
            assertThat(saved.getElementById("problem")).isNull();
            return saved;
        }

        @Override
        public void close() {
            this.browser.close();
        }
    }

    @Test
    void addingChangingAndDeletingAWorkShowsOnTheNextReadOfEveryDocument() {
        try (Account account = Account.register("Ivy", "Reader")) {
            String token = account.token(MEMBER, MEMBER_SECRET, WRITE_SCOPES);
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of());

            HttpResponse<String> created = RecordApi.send("POST", account.api("/work"), token, VND_JSON, VND_JSON,
                    WorkTests.work("First title", "10.9100/first"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long putCode = RecordApi.putCode(created);
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of("First title"));
            assertRecordModifiedWhenWorkWas(account, token, putCode);

            String changed = WorkTests.work("Second title", "10.9100/first").replaceFirst("\\{",
                    "{\"put-code\":" + putCode + ",");
            HttpResponse<String> put = RecordApi.send("PUT", account.api("/work/" + putCode), token, VND_JSON,
                    VND_JSON, changed);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of("Second title"));
            assertRecordModifiedWhenWorkWas(account, token, putCode);

            HttpResponse<String> deleted = RecordApi.send("DELETE", account.api("/work/" + putCode), token, null,
                    VND_JSON, null);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of());
        }
    }

    @Test
    void bulkWorksShowOnTheNextRead() {
        try (Account account = Account.register("Bea", "Bulk")) {
            String token = account.token(MEMBER, MEMBER_SECRET, WRITE_SCOPES);
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of());
            String bulk = "{\"bulk\":[{\"work\":" + WorkTests.work("Bulk one", "10.9100/bulk.1") + "},{\"work\":"
                    + WorkTests.work("Bulk two", "10.9100/bulk.2") + "}]}";
            HttpResponse<String> posted = RecordApi.send("POST", account.api("/works"), token, VND_JSON, VND_JSON,
                    bulk);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(memberWorkTitles(account, token))
                .allSatisfy(titles -> assertThat(titles).containsExactlyInAnyOrder("Bulk one", "Bulk two"));
        }
    }

    @Test
    void theResearchersVisibilityChangesShowOnTheNextRead() {
        try (Account account = Account.register("Vic", "Visible")) {
            String token = account.token(MEMBER, MEMBER_SECRET, WRITE_SCOPES);
            long putCode = RecordApi.putCode(RecordApi.send("POST", account.api("/work"), token, VND_JSON, VND_JSON,
                    WorkTests.work("Shown, then hidden", "10.9100/visibility")));
            assertThat(publicWorkTitles(account)).containsOnly(List.of("Shown, then hidden"));

            account.save("visibility-" + putCode, "private", "save-visibility-" + putCode);
            assertThat(publicWorkTitles(account)).containsOnly(List.of());
            assertThat(memberWorkTitles(account, token)).containsOnly(List.of("Shown, then hidden"));
            String otherReader = account.token(OTHER_MEMBER, OTHER_MEMBER_SECRET, "/read-limited");
            assertThat(workTitles(RecordApi.json(RecordApi.get(account.api("/record"), otherReader, VND_JSON))
                .at("/activities-summary/works"))).isEmpty();

            account.save("visibility-" + putCode, "public", "save-visibility-" + putCode);
            assertThat(publicWorkTitles(account)).containsOnly(List.of("Shown, then hidden"));

            account.save("default-visibility", "limited", "save-default-visibility");
            RecordApi.send("POST", account.api("/work"), token, VND_JSON, VND_JSON,
                    WorkTests.work("Limited by default", "10.9100/limited"));
            assertThat(publicWorkTitles(account)).containsOnly(List.of("Shown, then hidden"));
            assertThat(workTitles(RecordApi.json(RecordApi.get(account.api("/record"), otherReader, VND_JSON))
                .at("/activities-summary/works"))).containsExactlyInAnyOrder("Shown, then hidden",
                        "Limited by default");
        }
    }

    @Test
    void itemsTheResearcherAddsAndRemovesOnTheEditorShowOnTheNextRead() {
        try (Account account = Account.register("Kit", "Keyword")) {
            assertThat(RecordApi.get(account.pub("/keywords"), null, VND_JSON).body()).doesNotContain("astrolabes");
            assertThat(RecordApi.get(account.pub("/record"), null, VND_JSON).body()).doesNotContain("astrolabes");

            HtmlPage editor = account.editor();
            Browser.type(editor, "keywords-content", "astrolabes");
            editor = Browser.click(editor, "add-keywords-button");
            assertThat(editor.getHtmlElementById("message").asNormalizedText()).isEqualTo("Added to your keywords.");
            JsonNode keywords = RecordApi.json(RecordApi.get(account.pub("/keywords"), null, VND_JSON));
            assertThat(keywords.at("/keyword/0/content").asString()).isEqualTo("astrolabes");
            assertThat(RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON))
                .at("/person/keywords/keyword/0/content").asString()).isEqualTo("astrolabes");

            DomElement row = (DomElement) editor.getByXPath("//tr[td[@class='item-text']='astrolabes']").get(0);
            String putCode = row.getId().substring("item-".length());
            Browser.click(editor, "delete-" + putCode);
            assertThat(RecordApi.get(account.pub("/keywords"), null, VND_JSON).body()).doesNotContain("astrolabes");
            assertThat(RecordApi.get(account.pub("/record"), null, VND_JSON).body()).doesNotContain("astrolabes");
        }
    }

    @Test
    void nameBiographyAndEmailChangesShowOnTheNextRead() {
        try (Account account = Account.register("Nell", "Named")) {
            JsonNode before = RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON));
            assertThat(before.at("/person/name/given-names/value").asString()).isEqualTo("Nell");
            assertThat(before.at("/person/biography").isNull()).isTrue();
            assertThat(RecordApi.get(account.pub("/biography"), null, VND_JSON).statusCode()).isEqualTo(404);
            assertThat(RecordApi.get(account.pub("/person"), null, VND_XML).body()).doesNotContain(account.email());

            HtmlPage editor = account.editor();
            Browser.type(editor, "givenNames", "Eleanor");
            Browser.type(editor, "creditName", "E. Named");
            assertThat(Browser.<HtmlPage>click(editor, "save-name").getElementById("problem")).isNull();
            JsonNode renamed = RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON));
            assertThat(renamed.at("/person/name/given-names/value").asString()).isEqualTo("Eleanor");
            assertThat(renamed.at("/person/name/credit-name/value").asString()).isEqualTo("E. Named");
            assertThat(RecordApi.json(RecordApi.get(account.pub("/personal-details"), null, VND_JSON))
                .at("/name/given-names/value").asString()).isEqualTo("Eleanor");

            editor = account.editor();
            HtmlTextArea biography = editor.getHtmlElementById("biography");
            biography.setText("Reads after writes.");
            HtmlSelect biographyVisibility = editor.getHtmlElementById("biography-visibility");
            biographyVisibility.setSelectedAttribute("public", true);
            Browser.click(editor, "save-biography");
            assertThat(RecordApi.json(RecordApi.get(account.pub("/biography"), null, VND_JSON)).get("content")
                .asString()).isEqualTo("Reads after writes.");
            assertThat(RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON))
                .at("/person/biography/content").asString()).isEqualTo("Reads after writes.");

            account.save("name-visibility", "private", "save-name");
            assertThat(RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON)).at("/person/name")
                .isNull()).isTrue();

            account.save("email-visibility", "public", "save-email-visibility");
            assertThat(RecordApi.get(account.pub("/person"), null, VND_XML).body()).contains(account.email());
            assertThat(RecordApi.json(RecordApi.get(account.pub("/email"), null, VND_JSON))
                .at("/email/0/email").asString()).isEqualTo(account.email());
        }
    }

    @Test
    void eachClientReadsTheAnswerMadeForWhatItMaySee() {
        try (Account account = Account.register("Pia", "Private")) {
            account.save("default-visibility", "private", "save-default-visibility");
            String clientA = account.token(MEMBER, MEMBER_SECRET, WRITE_SCOPES);
            String clientB = account.token(OTHER_MEMBER, OTHER_MEMBER_SECRET, "/read-limited");
            String clientBPublic = RecordApi.readPublicToken(BASE, OTHER_MEMBER, OTHER_MEMBER_SECRET);
            RecordApi.send("POST", account.api("/work"), clientA, VND_JSON, VND_JSON,
                    WorkTests.work("A's private work", "10.9100/private"));

            for (String accept : new String[] { VND_JSON, VND_XML }) {
                assertThat(RecordApi.get(account.api("/record"), clientA, accept).body())
                    .contains("A's private work");
                assertThat(RecordApi.get(account.api("/record"), clientB, accept).body())
                    .doesNotContain("A's private work");
                assertThat(RecordApi.get(account.api("/works"), clientB, accept).body())
                    .doesNotContain("A's private work");
                assertThat(RecordApi.get(account.pub("/record"), null, accept).body())
                    .doesNotContain("A's private work");
                assertThat(RecordApi.get(account.api("/record"), clientA, accept).body())
                    .contains("A's private work");
            }

            account.save("default-visibility", "limited", "save-default-visibility");
            RecordApi.send("POST", account.api("/work"), clientA, VND_JSON, VND_JSON,
                    WorkTests.work("A's limited work", "10.9100/limited"));
            assertThat(RecordApi.get(account.api("/record"), clientB, VND_JSON).body())
                .contains("A's limited work")
                .doesNotContain("A's private work");
            assertThat(RecordApi.get(account.api("/record"), clientBPublic, VND_JSON).body())
                .doesNotContain("A's limited work");
            assertThat(RecordApi.get(account.api("/record"), clientB, VND_JSON).body())
                .contains("A's limited work");
        }
    }

    @Test
    void jsonAndXmlOfTheSameRecordAreEachRight() {
        try (Account account = Account.register("Fay", "Formats")) {
            String token = account.token(MEMBER, MEMBER_SECRET, WRITE_SCOPES);
            RecordApi.send("POST", account.api("/work"), token, VND_JSON, VND_JSON,
                    WorkTests.work("Twice written", "10.9100/formats"));
            String[][] formats = { { VND_JSON, VND_JSON }, { VND_XML, VND_XML }, { "application/json",
                    "application/json" }, { "application/orcid+xml", "application/orcid+xml" },
                    { "application/xml", "application/xml" }, { VND_JSON, VND_JSON } };
            for (String[] format : formats) {
                HttpResponse<String> read = RecordApi.get(account.api("/record"), token, format[0]);
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith(format[1]));
                if (format[1].endsWith("json")) {
                    assertThat(workTitles(RecordApi.json(read).at("/activities-summary/works")))
                        .containsExactly("Twice written");
                }
                else {
                    assertThat(read.body()).startsWith("<?xml").contains("<common:title>Twice written</common:title>");
                    OrcidXsd.assertValid(read.body());
                }
            }
        }
    }

    /** The work titles of the record, the activities and the works list, as the member client reads them. */
    private static List<List<String>> memberWorkTitles(Account account, String token) {
        return List.of(
                workTitles(RecordApi.json(RecordApi.get(account.api("/record"), token, VND_JSON))
                    .at("/activities-summary/works")),
                workTitles(RecordApi.json(RecordApi.get(account.api("/activities"), token, VND_JSON)).at("/works")),
                workTitles(RecordApi.json(RecordApi.get(account.api("/works"), token, VND_JSON))),
                xmlWorkTitles(RecordApi.get(account.api("/record"), token, VND_XML).body()));
    }

    /** The same documents on the public API. */
    private static List<List<String>> publicWorkTitles(Account account) {
        return List.of(
                workTitles(RecordApi.json(RecordApi.get(account.pub("/record"), null, VND_JSON))
                    .at("/activities-summary/works")),
                workTitles(RecordApi.json(RecordApi.get(account.pub("/works"), null, VND_JSON))),
                xmlWorkTitles(RecordApi.get(account.pub("/record"), null, VND_XML).body()));
    }

    private static List<String> workTitles(JsonNode works) {
        List<String> titles = new ArrayList<>();
        for (JsonNode group : works.path("group")) {
            for (JsonNode summary : group.path("work-summary")) {
                titles.add(summary.at("/title/title/value").asString());
            }
        }
        return titles;
    }

    private static List<String> xmlWorkTitles(String xml) {
        OrcidXsd.assertValid(xml);
        List<String> titles = new ArrayList<>();
        for (String part : xml.split("<common:title>")) {
            int end = part.indexOf("</common:title>");
            if (end >= 0) {
                titles.add(part.substring(0, end));
            }
        }
        return titles;
    }

    /** The record's last modification is the work's (ORCID's last-modified-date comes from the data). */
    private static void assertRecordModifiedWhenWorkWas(Account account, String token, long putCode) {
        long work = RecordApi.json(RecordApi.get(account.api("/work/" + putCode), token, VND_JSON))
            .at("/last-modified-date/value").asLong();
        JsonNode record = RecordApi.json(RecordApi.get(account.api("/record"), token, VND_JSON));
        assertThat(record.at("/history/last-modified-date/value").asLong()).isEqualTo(work);
        assertThat(record.at("/activities-summary/last-modified-date/value").asLong()).isEqualTo(work);
    }
}
