package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.CAROL_EMAIL;
import static org.orrery.api.RecordApi.CAROL_ORCID;
import static org.orrery.api.RecordApi.CAROL_PASSWORD;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The "done when", end to end: a member client gets {@code /activities/update /read-limited} through the
 * dance, adds a work in JSON and an employment in XML, reads them back in both formats, cannot change an item it
 * is not the source of; the researcher sees the new items with their source on the record editor and makes one
 * private, after which the public API and the public page no longer show it.
 */
class RecordDoneWhenTests extends OrreryIntegrationTest {

    static final String EMPLOYMENT_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <employment:employment xmlns:employment="http://www.orcid.org/ns/employment"
                xmlns:common="http://www.orcid.org/ns/common">
              <common:department-name>Mathematics</common:department-name>
              <common:role-title>Analyst</common:role-title>
              <common:start-date><common:year>2019</common:year><common:month>09</common:month></common:start-date>
              <common:organization>
                <common:name>University of London</common:name>
                <common:address><common:city>London</common:city><common:country>GB</common:country></common:address>
              </common:organization>
            </employment:employment>
            """;

    @Test
    void memberWritesInBothFormatsAndResearcherMakesAnItemPrivate() {
        String token = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/activities/update /read-limited",
                CAROL_EMAIL, CAROL_PASSWORD);
        String api = BASE + "/api/v3.0/" + CAROL_ORCID;

        HttpResponse<String> work = RecordApi.send("POST", api + "/work", token, VND_JSON, VND_JSON,
                WorkTests.work("Done-when work", "10.5555/done-when"));
        assertThat(work.statusCode()).as(work.body()).isEqualTo(201);
        long workCode = RecordApi.putCode(work);
        HttpResponse<String> employment = RecordApi.send("POST", api + "/employment", token, VND_XML, VND_XML,
                EMPLOYMENT_XML);
        assertThat(employment.statusCode()).as(employment.body()).isEqualTo(201);
        long employmentCode = RecordApi.putCode(employment);

        for (String path : new String[] { "/work/" + workCode, "/employment/" + employmentCode }) {
            HttpResponse<String> json = RecordApi.get(api + path, token, VND_JSON);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(RecordApi.json(json).at("/source/source-client-id/path").asString()).isEqualTo(MEMBER);
            HttpResponse<String> xml = RecordApi.get(api + path, token, VND_XML);
            assertThat(xml.statusCode()).isEqualTo(200);
            OrcidXsd.assertValid(xml.body());
        }
        JsonNode readBack = RecordApi.json(RecordApi.get(api + "/employment/" + employmentCode, token, VND_JSON));
        assertThat(readBack.at("/organization/name").asString()).isEqualTo("University of London");
        assertThat(readBack.at("/start-date/month/value").asString()).isEqualTo("09");

        String other = RecordApi.token(BASE, PORT, OTHER_MEMBER, OTHER_MEMBER_SECRET, "/activities/update",
                CAROL_EMAIL, CAROL_PASSWORD);
        HttpResponse<String> othersWork = RecordApi.send("POST", api + "/work", other, VND_JSON, VND_JSON,
                WorkTests.work("Someone else's work", "10.5555/other"));
        long othersCode = RecordApi.putCode(othersWork);
        String notSource = RecordApi.errorJson(403,
                "403 Forbidden: You are not the source of the work, so you are not allowed to update it.",
                "The client application is not the source of the resource it is trying to access.", 9010);
        HttpResponse<String> put = RecordApi.send("PUT", api + "/work/" + othersCode, token, VND_JSON, VND_JSON,
                WorkTests.work("Hijacked", "10.5555/other").replaceFirst("\\{", "{\"put-code\":" + othersCode + ","));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).isEqualTo(notSource);
        HttpResponse<String> delete = RecordApi.send("DELETE", api + "/work/" + othersCode, token, null, VND_JSON,
                null);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).isEqualTo(notSource);

        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), CAROL_EMAIL, CAROL_PASSWORD);
            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            assertThat(editor.getHtmlElementById("source-" + workCode).asNormalizedText())
                .isEqualTo("Test Member Integration");
            assertThat(editor.getHtmlElementById("source-" + employmentCode).asNormalizedText())
                .isEqualTo("Test Member Integration");
            assertThat(editor.getHtmlElementById("item-" + employmentCode).asNormalizedText())
                .contains("Analyst Mathematics — University of London, 2019");
            assertThat(editor.getElementById("edit-" + workCode)).as("only the source edits content").isNull();
            HtmlSelect visibility = editor.getHtmlElementById("visibility-" + workCode);
            visibility.setSelectedAttribute("private", true);
            HtmlPage saved = Browser.click(editor, "save-visibility-" + workCode);
            assertThat(saved.getHtmlElementById("message").asNormalizedText()).isEqualTo("Visibility saved.");
            HtmlSelect after = saved.getHtmlElementById("visibility-" + workCode);
            assertThat(after.getSelectedOptions().get(0).getValueAttribute()).isEqualTo("private");

            HtmlPage publicPage = browser.openHtml(BASE + "/" + CAROL_ORCID);
            assertThat(publicPage.getElementById("item-" + workCode)).isNull();
            assertThat(publicPage.getElementById("item-" + employmentCode)).isNotNull();
        }

        HttpResponse<String> publicWork = RecordApi.get(BASE + "/pub/v3.0/" + CAROL_ORCID + "/work/" + workCode, null,
                VND_JSON);
        assertThat(publicWork.statusCode()).isEqualTo(403);
        assertThat(publicWork.body()).isEqualTo(RecordApi.errorJson(403,
                "403 Forbidden: The item is not public and cannot be accessed with the Public API."
                        + " Full validation error: The work " + workCode + " is not public",
                "The client application is forbidden to perform the action.", 9039));
        HttpResponse<String> publicWorks = RecordApi.get(BASE + "/pub/v3.0/" + CAROL_ORCID + "/works", null, VND_JSON);
        assertThat(publicWorks.body()).doesNotContain("\"put-code\":" + workCode + ",")
            .contains("\"put-code\":" + othersCode + ",");
        HttpResponse<String> sourceStillSees = RecordApi.get(api + "/work/" + workCode, token, VND_JSON);
        assertThat(sourceStillSees.statusCode()).isEqualTo(200);
        assertThat(RecordApi.json(sourceStillSees).get("visibility").asString()).isEqualTo("private");
    }
}
