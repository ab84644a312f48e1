package org.orrery.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** A headless browser (HtmlUnit) that follows redirects and keeps cookies, as a person's browser would. */
public final class Browser implements AutoCloseable {

    private final WebClient web = new WebClient(BrowserVersion.FIREFOX);

    public Browser() {
        this.web.getOptions().setJavaScriptEnabled(false);
        this.web.getOptions().setCssEnabled(false);
        this.web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        this.web.getOptions().setPrintContentOnFailingStatusCode(false);
        this.web.getOptions().setRedirectEnabled(true);
    }

    public Page open(String url) {
        try {
            return this.web.getPage(url);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public HtmlPage openHtml(String url) {
        return (HtmlPage) open(url);
    }

    /** Types into the field with this id. */
    public static void type(HtmlPage page, String id, String value) {
        HtmlInput input = page.getHtmlElementById(id);
        input.setValue(value);
    }

    /** Clicks the element with this id and returns the page the browser lands on. */
    public static <P extends Page> P click(HtmlPage page, String id) {
        HtmlElement element = page.getHtmlElementById(id);
        try {
            return element.click();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Fills the sign-in form (ORCID's element ids) and submits it. */
    public static <P extends Page> P signIn(HtmlPage signInPage, String userId, String password) {
        type(signInPage, "userId", userId);
        type(signInPage, "password", password);
        return click(signInPage, "form-sign-in-button");
    }

    public WebClient client() {
        return this.web;
    }

    @Override
    public void close() {
        this.web.close();
    }
}
