package org.orrery.support;

import java.util.UUID;

import org.htmlunit.html.HtmlPage;

/**
 * A researcher registered through the register page for one test, so the test owns the account. The browser
 * that registered is signed in as them, and has followed the verification link mailed to their address.
 */
public record NewResearcher(String orcid, String email, String password) {

    public static NewResearcher register(Browser browser, String base, String givenNames, String familyName) {
        NewResearcher researcher = registerUnverified(browser, base, givenNames, familyName);
        browser.open(QueuedMail.newestLink(base, researcher.email(), "/verify-email/"));
        return researcher;
    }

    /** Registers without following the verification link (its mail may be where the test cannot read it). */
    public static NewResearcher registerUnverified(Browser browser, String base, String givenNames,
            String familyName) {
        String email = "b-" + UUID.randomUUID() + "@example.org";
        String password = "pw-" + UUID.randomUUID();
        HtmlPage register = browser.openHtml(base + "/register");
        Browser.type(register, "givenNames", givenNames);
        Browser.type(register, "familyName", familyName);
        Browser.type(register, "email", email);
        Browser.type(register, "password", password);
        HtmlPage record = Browser.click(register, "register-button");
        if (!record.getUrl().getPath().equals("/my-orcid")) {
            throw new IllegalStateException("Registering did not reach the record page: " + record.getUrl());
        }
        return new NewResearcher(record.getHtmlElementById("orcid-id").asNormalizedText(), email, password);
    }
}
