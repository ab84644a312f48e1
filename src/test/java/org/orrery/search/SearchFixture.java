package org.orrery.search;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.Tokens;

/**
 * Researchers made for search tests through the registry's own pages and API: registered on the register page,
 * given items through the member API (a real dance), and visibilities set on the record editor.
 */
final class SearchFixture {

    static final String SCOPE = "/activities/update /person/update";

    /** A researcher of one test: the iD, a signed-in browser on the editor, and a token that writes the record. */
    record Person(String orcid, String email, Browser browser, String token) implements AutoCloseable {

        HttpResponse<String> post(String base, String path, String json) {
            HttpResponse<String> created = Http.post(base + "/api/v3.0/" + this.orcid + "/" + path, json,
                    "Authorization", "Bearer " + this.token, "Content-Type", "application/vnd.orcid+json",
                    "Accept", "application/vnd.orcid+json");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + created.statusCode() + ": "
                        + created.body());
            }
            return created;
        }

        /** Sets a visibility select on the record editor and saves it (ids as the editor names them). */
        void setVisibility(String base, String selectId, String buttonId, String visibility) {
            HtmlPage editor = this.browser.openHtml(base + "/my-orcid/record");
            HtmlSelect select = editor.getHtmlElementById(selectId);
            select.setSelectedAttribute(visibility, true);
            Browser.click(editor, buttonId);
        }

        @Override
        public void close() {
            this.browser.close();
        }
    }

    private SearchFixture() {
    }

    static Person register(String base, int port, String givenNames, String familyName) {
        Browser browser = new Browser();
        NewResearcher researcher = NewResearcher.register(browser, base, givenNames, familyName);
        String token;
        try (Browser dance = new Browser()) {
            String code = Dance.code(dance, base, port, Dance.MEMBER, SCOPE, researcher.email(),
                    researcher.password());
            token = Http.json(Tokens.exchange(base, Dance.MEMBER, Dance.MEMBER_SECRET, code, Dance.redirectUri(port)))
                .get("access_token")
                .asString();
        }
        return new Person(researcher.orcid(), researcher.email(), browser, token);
    }

    /** Lower-case letters only, so that it is one word to every analyzer. */
    static String tag() {
        // letters only, so the analyzer keeps the tag one token; a UUID's letters can be fewer than needed
        StringBuilder tag = new StringBuilder("x");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            tag.append((char) ('a' + random.nextInt(6)));
        }
        return tag.toString();
    }

    static String work(String title, String doi) {
        return "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"journal-article\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi
                + "\",\"external-id-relationship\":\"self\"}]}}";
    }

    static String affiliation(String name, String source, String id, String endYear) {
        return "{\"organization\":{\"name\":\"" + name + "\",\"address\":{\"city\":\"Oxford\",\"country\":\"GB\"},"
                + "\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"" + id
                + "\",\"disambiguation-source\":\"" + source + "\"}}"
                + (endYear == null ? "" : ",\"end-date\":{\"year\":{\"value\":\"" + endYear + "\"}}") + "}";
    }

    static String funding(String title, String grantNumber) {
        return "{\"type\":\"grant\",\"title\":{\"title\":{\"value\":\"" + title + "\"}},"
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"grant_number\",\"external-id-value\":\""
                + grantNumber + "\",\"external-id-relationship\":\"self\"}]},"
                + "\"organization\":{\"name\":\"Wellcome Trust\",\"address\":{\"city\":\"London\",\"country\":\"GB\"},"
                + "\"disambiguated-organization\":{\"disambiguated-organization-identifier\":\"100004440\","
                + "\"disambiguation-source\":\"FUNDREF\"}}}";
    }

    static String content(String text) {
        return "{\"content\":\"" + text + "\"}";
    }

    /** Polls until the check passes (the index catches up within a second or two), failing after 10 s. */
    static void eventually(Supplier<Boolean> check, Supplier<String> explain) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not so after 10 s: " + explain.get());
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
