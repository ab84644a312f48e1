package org.orrery.api;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.orrery.support.Browser;

/** Test helper: the researcher changes item visibilities on the record editor, through a real browser. */
final class ResearcherPages {

    private ResearcherPages() {
    }

    /** Signs in and sets each put-code's visibility (pairs of put-code and visibility). */
    static void setVisibilities(String base, String email, String password, Object... pairs) {
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(base + "/signin"), email, password);
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                HtmlPage editor = browser.openHtml(base + "/my-orcid/record");
                HtmlSelect select = editor.getHtmlElementById("visibility-" + pairs[i]);
                select.setSelectedAttribute((String) pairs[i + 1], true);
                HtmlPage saved = Browser.click(editor, "save-visibility-" + pairs[i]);
                if (saved.getElementById("message") == null) {
                    throw new IllegalStateException("visibility not saved for " + pairs[i]);
                }
            }
        }
    }
}
