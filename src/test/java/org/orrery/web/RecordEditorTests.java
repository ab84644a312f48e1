package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.QueuedMail;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/**
 * The record editor through a real browser: a researcher adds items of every kind the editor offers, sees
 * themself as their source, sets the default visibility, removes items; the public page follows; forms need
 * their CSRF token.
 */
class RecordEditorTests extends OrreryIntegrationTest {

    private static final String EMAIL = "dora.c@example.org";

    private static HtmlPage signedInEditor(Browser browser) {
        HtmlPage register = browser.openHtml(BASE + "/register");
        if (register.getElementById("givenNames") != null) {
            Browser.type(register, "givenNames", "Dora");
            Browser.type(register, "familyName", "Editor");
            Browser.type(register, "email", EMAIL);
            Browser.type(register, "password", "dora-password");
            HtmlPage landed = Browser.click(register, "register-button");
            if (landed.getElementById("problem") != null || landed.getUrl().getPath().equals("/register")) {
                Browser.signIn(browser.openHtml(BASE + "/signin"), EMAIL, "dora-password");
            }
            else {
                // Adding items needs a verified primary address: follow the link mailed at registration.
                browser.open(QueuedMail.newestLink(BASE, EMAIL, "/verify-email/"));
            }
        }
        return browser.openHtml(BASE + "/my-orcid/record");
    }

    private static HtmlPage add(HtmlPage editor, String section, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            DomElement element = editor.getElementById(section + "-" + field.getKey());
            if (element instanceof HtmlSelect select) {
                select.setSelectedAttribute(field.getValue(), true);
            }
            else {
                Browser.type(editor, section + "-" + field.getKey(), field.getValue());
            }
        }
        return Browser.click(editor, "add-" + section + "-button");
    }

    @Test
    void researcherAddsItemsOfEveryEditableKindAndThePublicPageShowsThem() {
        try (Browser browser = new Browser()) {
            HtmlPage editor = signedInEditor(browser);
            String orcid = editor.getHtmlElementById("orcid-id").asNormalizedText();
            editor = add(editor, "other-names", Map.of("content", "D. Editor"));
            assertThat(editor.getHtmlElementById("message").asNormalizedText()).isEqualTo("Added to your other names.");
            editor = add(editor, "keywords", Map.of("content", "typesetting"));
            editor = add(editor, "researcher-urls", Map.of("urlName", "Blog", "url", "https://dora.example.org"));
            editor = add(editor, "address", Map.of("country", "PT"));
            editor = add(editor, "works", Map.of("title", "On Editing", "workType", "book", "year", "2020", "doi",
                    "10.4242/editing"));
            editor = add(editor, "employments", Map.of("organization", "Press", "city", "Lisbon", "country", "PT",
                    "role", "Editor", "startYear", "2015"));
            editor = add(editor, "educations", Map.of("organization", "University", "city", "Porto", "country", "PT",
                    "role", "PhD"));
            editor = add(editor, "fundings", Map.of("title", "Editing grant", "fundingType", "award", "organization",
                    "Foundation", "city", "Lisbon", "country", "PT", "grantNumber", "G-1"));
            assertThat(editor.getHtmlElementById("message").asNormalizedText()).isEqualTo("Added to your funding.");

            List<String> rows = editor.getByXPath("//tr[starts-with(@id,'item-')]/td[@class='item-text']")
                .stream()
                .map(node -> ((DomElement) node).asNormalizedText())
                .toList();
            assertThat(rows).contains("D. Editor", "typesetting", "Blog https://dora.example.org", "PT",
                    "On Editing (Book, 2020)", "Editor — Press, 2015", "PhD — University", "Editing grant — Foundation");
            List<String> sources = editor.getByXPath("//td[@class='source']")
                .stream()
                .map(node -> ((DomElement) node).asNormalizedText())
                .distinct()
                .toList();
            assertThat(sources).containsExactly("Dora Editor (you)");

            HtmlPage publicPage = browser.openHtml(BASE + "/" + orcid);
            assertThat(publicPage.getHtmlElementById("display-name").asNormalizedText()).isEqualTo("Dora Editor");
            assertThat(publicPage.asNormalizedText()).contains("On Editing\nBook 2020", "Source: Dora Editor");

            HttpResponse<String> api = Http.get(BASE + "/pub/v3.0/" + orcid + "/works", "Accept",
                    "application/vnd.orcid+json");
            assertThat(Http.json(api).at("/group/0/work-summary/0/source/source-orcid/path").asString())
                .isEqualTo(orcid);
        }
    }

    @Test
    void invalidInputIsExplainedAndNothingIsStored() {
        try (Browser browser = new Browser()) {
            HtmlPage editor = signedInEditor(browser);
            int before = editor.getByXPath("//tr[starts-with(@id,'item-')]").size();
            editor = add(editor, "address", Map.of("country", "ZZ"));
            assertThat(editor.getHtmlElementById("problem").asNormalizedText())
                .isEqualTo("Not added: address/country has an invalid value 'ZZ'.");
            editor = add(editor, "works", Map.of("title", ""));
            assertThat(editor.getHtmlElementById("problem").asNormalizedText())
                .isEqualTo("Not added: work/title/title is required.");
            assertThat(editor.getByXPath("//tr[starts-with(@id,'item-')]")).hasSize(before);
        }
    }

    @Test
    void defaultVisibilityAppliesToNewItemsAndItemsCanBeRemoved() {
        try (Browser browser = new Browser()) {
            HtmlPage editor = signedInEditor(browser);
            String orcid = editor.getHtmlElementById("orcid-id").asNormalizedText();
            HtmlSelect defaults = editor.getHtmlElementById("default-visibility");
            defaults.setSelectedAttribute("limited", true);
            editor = Browser.click(editor, "save-default-visibility");
            assertThat(editor.getHtmlElementById("message").asNormalizedText())
                .isEqualTo("New items will be visible to: Trusted parties.");
            editor = add(editor, "keywords", Map.of("content", "hidden-by-default"));
            DomElement row = (DomElement) editor
                .getByXPath("//tr[td[@class='item-text']='hidden-by-default']")
                .get(0);
            String putCode = row.getId().substring("item-".length());
            HtmlSelect visibility = editor.getHtmlElementById("visibility-" + putCode);
            assertThat(visibility.getSelectedOptions().get(0).getValueAttribute()).isEqualTo("limited");
            assertThat(Http.get(BASE + "/pub/v3.0/" + orcid + "/keywords", "Accept", "application/json").body())
                .doesNotContain("hidden-by-default");

            editor = Browser.click(editor, "delete-" + putCode);
            assertThat(editor.getHtmlElementById("message").asNormalizedText()).isEqualTo("Removed.");
            assertThat(editor.getElementById("item-" + putCode)).isNull();
            HtmlSelect reset = editor.getHtmlElementById("default-visibility");
            reset.setSelectedAttribute("public", true);
            browser.client().getOptions().setRedirectEnabled(false);
            Page answer = Browser.click(editor, "save-default-visibility");
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            assertThat(answer.getWebResponse().getResponseHeaderValue("Location")).endsWith("/my-orcid/record");
        }
    }

    @Test
    void researcherEditsTheContentOfTheirOwnItems() {
        try (Browser browser = new Browser()) {
            HtmlPage editor = add(signedInEditor(browser), "works", Map.of("title", "Draft title", "workType",
                    "preprint", "year", "2023", "doi", "10.4242/draft"));
            DomElement row = (DomElement) editor.getByXPath("//tr[td[@class='item-text']='Draft title (Preprint, 2023)']")
                .get(0);
            String putCode = row.getId().substring("item-".length());
            HtmlPage form = Browser.click(editor, "edit-" + putCode);
            assertThat(((HtmlInput) form.getHtmlElementById("edit-doi")).getValue())
                .isEqualTo("10.4242/draft");
            Browser.type(form, "edit-title", "Final title");
            HtmlSelect type = form.getHtmlElementById("edit-workType");
            assertThat(type.getSelectedOptions().get(0).getValueAttribute()).isEqualTo("preprint");
            type.setSelectedAttribute("journal-article", true);
            HtmlPage saved = Browser.click(form, "save-item");
            assertThat(saved.getHtmlElementById("message").asNormalizedText()).isEqualTo("Saved.");
            assertThat(saved.getHtmlElementById("item-" + putCode).asNormalizedText())
                .contains("Final title (Journal article, 2023)");

            HtmlPage again = Browser.click(saved, "edit-" + putCode);
            Browser.type(again, "edit-year", "1066");
            HtmlPage broken = Browser.click(again, "save-item");
            assertThat(broken.getHtmlElementById("problem").asNormalizedText())
                .isEqualTo("Not saved: work/publication-date/year must be a year between 1900 and 2100.");
        }
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        try (Browser browser = new Browser()) {
            signedInEditor(browser);
            // the signed-in session's cookies, whatever the session store names them, but no CSRF token
            String cookies = browser.client().getCookieManager().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
            HttpResponse<String> forged = Http.postForm(BASE + "/my-orcid/record/default-visibility",
                    Map.of("visibility", "private"), "Cookie", cookies);
            assertThat(forged.statusCode()).isEqualTo(403);
            HtmlPage editor = browser.openHtml(BASE + "/my-orcid/record");
            HtmlSelect defaults = editor.getHtmlElementById("default-visibility");
            assertThat(defaults.getSelectedOptions().get(0).getValueAttribute()).isNotEqualTo("private");
        }
    }
}
