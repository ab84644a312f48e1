package org.orrery.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.NameValuePair;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the developer tools page tests share: the shared server, its database, and filling in, posting and reading
 * the page's forms as a browser does.
 */
abstract class DeveloperToolsPage extends OrreryIntegrationTest {

    static final String[] FIELDS = { "name", "description", "website", "redirectUris" };

    @Autowired
    JdbcTemplate jdbc;

    /** A client's id and secret as the developer tools page showed them. */
    record Credentials(String clientId, String secret) {
    }

    /** A new researcher registers a client with the good form, in a browser of their own. */
    static Credentials registerClient(String givenNames, String familyName) {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, givenNames, familyName);
            HtmlPage shown = submit(browser, goodForm());
            return new Credentials(text(shown, "//code[@class='client-id']"),
                    shown.getHtmlElementById("client-secret").asNormalizedText());
        }
    }

    static Map<String, String> goodForm() {
        return Map.of("name", "Reading List", "description", "Collects what I read.", "website",
                "https://reading.example.org", "redirectUris",
                Dance.redirectUri(PORT) + "\nhttps://reading.example.org/orcid/callback");
    }

    static HtmlPage submit(Browser browser, Map<String, String> values) {
        HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
        for (String field : FIELDS) {
            HtmlElement element = tools.getHtmlElementById(field);
            if (element instanceof HtmlTextArea area) {
                area.setText(values.get(field));
            }
            else {
                ((HtmlInput) element).setValue(values.get(field));
            }
        }
        return Browser.click(tools, "register-client");
    }

    static String valueOf(HtmlPage page, String field) {
        HtmlElement element = page.getHtmlElementById(field);
        String value = element instanceof HtmlTextArea area ? area.getText() : ((HtmlInput) element).getValue();
        return value.replace("\r\n", "\n");
    }

    static String text(HtmlPage page, String xpath) {
        HtmlElement element = page.getFirstByXPath(xpath);
        return element.asNormalizedText();
    }

    /** The CSRF token every form on the page carries (here: the sign-out form's). */
    static String csrfToken(HtmlPage page) {
        HtmlInput token = page.getFirstByXPath("//input[@name='_csrf']");
        return token.getValue();
    }

    static Page post(Browser browser, List<NameValuePair> form) {
        return post(browser, "/developer-tools", form);
    }

    static Page post(Browser browser, String path, List<NameValuePair> form) {
        try {
            WebRequest request = new WebRequest(new URL(BASE + path), HttpMethod.POST);
            request.setAdditionalHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            request.setRequestParameters(form);
            return browser.client().getPage(request);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    long clientsOwnedBy(String orcid) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE owner_orcid = ?", Long.class, orcid);
    }

    static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return clientCredentials(BASE, clientId, secret);
    }

    static HttpResponse<String> clientCredentials(String base, String clientId, String secret) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }

    static HttpResponse<String> exchange(String clientId, String secret, String code) {
        return Http.postForm(BASE + "/oauth/token",
                Map.of("client_id", clientId, "client_secret", secret, "grant_type", "authorization_code", "code",
                        code, "redirect_uri", Dance.redirectUri(PORT)),
                "Accept", "application/json");
    }
}
