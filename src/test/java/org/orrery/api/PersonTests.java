package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.CAROL_EMAIL;
import static org.orrery.api.RecordApi.CAROL_ORCID;
import static org.orrery.api.RecordApi.CAROL_PASSWORD;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.api.SectionContract.assertError;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The parts of the person that are not items: name, biography and the primary email, each with its own
 * visibility set on the record editor; and the person and personal-details documents.
 */
class PersonTests extends OrreryIntegrationTest {

    private String pub(String path) {
        return BASE + "/pub/v3.0/" + CAROL_ORCID + path;
    }

    private static HtmlPage save(HtmlPage editor, String selectId, String visibility, String button) {
        HtmlSelect select = editor.getHtmlElementById(selectId);
        select.setSelectedAttribute(visibility, true);
        return Browser.click(editor, button);
    }

    @Test
    void biographyNameAndEmailFollowTheirVisibility() {
        String readLimited = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/read-limited", CAROL_EMAIL,
                CAROL_PASSWORD);
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), CAROL_EMAIL, CAROL_PASSWORD);
            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            HtmlTextArea biography = editor.getHtmlElementById("biography");
            biography.setText("Keeper of records & <notes>.");
            editor = save(editor, "biography-visibility", "public", "save-biography");
            assertThat(editor.getHtmlElementById("message").asNormalizedText()).isEqualTo("Your biography was saved.");

            HttpResponse<String> json = RecordApi.get(pub("/biography"), null, VND_JSON);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(RecordApi.json(json).get("content").asString()).isEqualTo("Keeper of records & <notes>.");
            assertThat(RecordApi.json(json).get("visibility").asString()).isEqualTo("public");
            HttpResponse<String> xml = RecordApi.get(pub("/biography"), null, VND_XML);
            OrcidXsd.assertValid(xml.body());
            assertThat(xml.body()).contains("Keeper of records &amp; &lt;notes&gt;.");

            editor = save(editor, "biography-visibility", "limited", "save-biography");
            assertError(RecordApi.get(pub("/biography"), null, VND_JSON), 404, "404 Not Found: The biography was not"
                    + " found. Full validation error: ORCID iD " + CAROL_ORCID + " has no biography that can be shown",
                    "The resource was not found.", 9041);
            HttpResponse<String> limited = RecordApi.get(BASE + "/api/v3.0/" + CAROL_ORCID + "/biography",
                    readLimited, VND_JSON);
            assertThat(limited.statusCode()).isEqualTo(200);

            editor = save(editor, "name-visibility", "private", "save-name");
            JsonNode person = RecordApi.json(RecordApi.get(pub("/person"), null, VND_JSON));
            assertThat(person.get("name").isNull()).isTrue();
            assertThat(person.get("biography").isNull()).isTrue();
            OrcidXsd.assertValid(RecordApi.get(pub("/person"), null, VND_XML).body());
            editor = save(editor, "name-visibility", "public", "save-name");
            person = RecordApi.json(RecordApi.get(pub("/personal-details"), null, VND_JSON));
            assertThat(person.at("/name/given-names/value").asString()).isEqualTo("Carol");
            OrcidXsd.assertValid(RecordApi.get(pub("/personal-details"), null, VND_XML).body());

            JsonNode emails = RecordApi.json(RecordApi.get(pub("/email"), null, VND_JSON));
            assertThat(emails.toString()).doesNotContain(CAROL_EMAIL);
            editor = save(editor, "email-visibility", "public", "save-email-visibility");
            emails = RecordApi.json(RecordApi.get(pub("/email"), null, VND_JSON));
            assertThat(emails.at("/email/0/email").asString()).isEqualTo(CAROL_EMAIL);
            assertThat(emails.at("/email/0/primary").asBoolean()).isTrue();
            assertThat(emails.at("/email/0/verified").asBoolean()).isTrue();
            assertThat(emails.at("/email/0/source/source-orcid/path").asString()).isEqualTo(CAROL_ORCID);
            OrcidXsd.assertValid(RecordApi.get(pub("/email"), null, VND_XML).body());
            save(editor, "email-visibility", "private", "save-email-visibility");
        }
    }

    @Test
    void publicClientsAndUnknownRecordsAreRefusedOnTheMemberApi() {
        String publicToken = RecordApi.readPublicToken(BASE, RecordApi.PUBLIC_CLIENT, RecordApi.PUBLIC_CLIENT_SECRET);
        assertError(RecordApi.get(BASE + "/api/v3.0/" + CAROL_ORCID + "/person", publicToken, VND_JSON), 401,
                "401 Unauthorized: The client application is forbidden to perform the action. Full validation error:"
                        + " Public clients may not use the member API",
                "The client application is forbidden to perform the action.", 9017);
        HttpResponse<String> viaPublic = RecordApi.get(pub("/person"), publicToken, VND_JSON);
        assertThat(viaPublic.statusCode()).isEqualTo(200);
    }
}
