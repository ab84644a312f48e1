package org.orrery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.orrery.support.Browser;
import org.orrery.support.BrowserTest;
import org.orrery.support.Chromium;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' console in a real browser: find a researcher and change the record's state, run a client's whole
 * life, read failed mail and the audit trail, on a phone-sized window without accessibility violations; and the
 * refusals: a researcher who is not an operator (403 page), an operator without two-factor sign-in (403 page), a
 * form post without its CSRF token, an unknown iD or client (404 page).
 */
class AdminConsoleTests extends OrreryIntegrationTest {

    static final String OPERATOR = "0000-0003-0000-0011";

    static final String OPERATOR_EMAIL = "olga.operator@example.org";

    static final String OPERATOR_PASSWORD = "olga-password";

    @Autowired
    private JdbcTemplate jdbc;

    private static ChromeDriver signedInOperator(String base) {
        ChromeDriver chromium = Chromium.start(390, 844);
        chromium.get(base + "/signin");
        chromium.findElement(By.id("userId")).sendKeys(OPERATOR_EMAIL);
        chromium.findElement(By.id("password")).sendKeys(OPERATOR_PASSWORD);
        Chromium.clickToNewPage(chromium, By.id("form-sign-in-button"));
        return chromium;
    }

    /**
     * The console's own content fits a phone (nothing in {@code main} reaches past the window's right edge; the
     * shared header and footer are the layout's, checked by the pages' tests) and axe finds no violation.
     */
    private static void assertFitsAndAccessible(ChromeDriver chromium) {
        Object overflowing = chromium.executeScript("var w = document.documentElement.clientWidth; var out = [];"
                + " document.querySelectorAll('main, main *').forEach(e => { if (e.getBoundingClientRect().right > w + 0.5)"
                + " out.push(e.tagName + ' ' + (e.id || e.className)); }); return out.join(', ');");
        assertThat(overflowing).as("elements wider than a phone on " + chromium.getCurrentUrl()).isEqualTo("");
        assertThat(Chromium.axeViolations(chromium)).as(chromium.getCurrentUrl()).isEmpty();
    }

    @Test
    @BrowserTest
    void anOperatorFindsAResearcherAndLocksUnlocksDeactivatesAndReactivatesTheRecord() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Quentin", "Consoleworthy");
        }
        ChromeDriver chromium = signedInOperator(BASE);
        try {
            chromium.get(BASE + "/admin");
            assertFitsAndAccessible(chromium);
            chromium.findElement(By.id("q")).sendKeys("consoleworthy");
            Chromium.clickToNewPage(chromium, By.cssSelector("#find-researcher button"));
            Chromium.clickToNewPage(chromium, By.linkText(researcher.orcid()));
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("ACTIVE");
            assertFitsAndAccessible(chromium);

            chromium.findElement(By.id("reason")).sendKeys("Spam reported by three members");
            Chromium.clickToNewPage(chromium, By.cssSelector("#lock-form button"));
            assertThat(chromium.findElement(By.id("done")).getText()).isEqualTo("The record is locked.");
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("LOCKED");
            assertThat(chromium.findElement(By.id("events")).getText()).contains("RECORD_LOCKED")
                .contains("Spam reported by three members");

            Chromium.clickToNewPage(chromium, By.id("unlock"));
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("ACTIVE");
            Chromium.clickToNewPage(chromium, By.id("deactivate"));
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("DEACTIVATED");
            Chromium.clickToNewPage(chromium, By.id("reactivate"));
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(chromium.findElement(By.id("events")).getText()).contains("RECORD_DEACTIVATED")
                .contains("RECORD_REACTIVATED");

            // A refused change says why and changes nothing.
            chromium.findElement(By.id("into")).sendKeys(researcher.orcid());
            Chromium.clickToNewPage(chromium, By.cssSelector("#deprecate-form button"));
            assertThat(chromium.findElement(By.id("failure")).getText())
                .isEqualTo("A record cannot be merged into itself.");
            assertThat(chromium.findElement(By.id("record-state")).getAttribute("data-state")).isEqualTo("ACTIVE");

            chromium.get(BASE + "/admin/audit?orcid=" + researcher.orcid() + "&type=RECORD_LOCKED");
            assertThat(chromium.findElement(By.id("audit-events")).getText()).contains("RECORD_LOCKED")
                .contains("operator:" + OPERATOR).doesNotContain("RECORD_DEACTIVATED");
            assertFitsAndAccessible(chromium);
        }
        finally {
            chromium.quit();
        }
    }

    @Test
    @BrowserTest
    void anOperatorCreatesAClientSeesTheSecretOnceAndLocksAndReactivatesIt() {
        ChromeDriver chromium = signedInOperator(BASE);
        try {
            chromium.get(BASE + "/admin/clients");
            assertFitsAndAccessible(chromium);
            chromium.findElement(By.id("name")).sendKeys("Console Member");
            chromium.findElement(By.id("redirectUris")).sendKeys("https://console.example.org/cb");
            Chromium.clickToNewPage(chromium, By.cssSelector("#create-form button[type=submit]"));
            String secret = chromium.findElement(By.id("client-secret")).getText();
            String clientId = chromium.getCurrentUrl().substring(chromium.getCurrentUrl().lastIndexOf('/') + 1);
            assertThat(clientId).matches("APP-[0-9A-Z]{16}");
            assertFitsAndAccessible(chromium);
            assertThat(clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

            Chromium.clickToNewPage(chromium, By.id("lock"));
            assertThat(chromium.findElement(By.id("client-state")).getAttribute("data-state")).isEqualTo("LOCKED");
            HttpResponse<String> locked = clientCredentials(clientId, secret);
            assertThat(locked.statusCode()).isEqualTo(400);
            assertThat(Http.json(locked).get("error").asString()).isEqualTo("unauthorized_client");
            assertThat(chromium.findElements(By.id("client-secret"))).as("the secret is shown once").isEmpty();

            Chromium.clickToNewPage(chromium, By.id("reactivate"));
            assertThat(chromium.findElement(By.id("client-state")).getAttribute("data-state")).isEqualTo("ACTIVE");
            Chromium.clickToNewPage(chromium, By.id("reset-secret"));
            String newSecret = chromium.findElement(By.id("client-secret")).getText();
            assertThat(newSecret).isNotEqualTo(secret);
            assertThat(clientCredentials(clientId, newSecret).statusCode()).isEqualTo(200);
            chromium.get(BASE + "/admin/audit?clientId=" + clientId);
            assertThat(chromium.findElement(By.id("audit-events")).getText()).contains("CLIENT_CREATED")
                .contains("CLIENT_LOCKED").contains("CLIENT_REACTIVATED").contains("CLIENT_SECRET_RESET");
        }
        finally {
            chromium.quit();
        }
    }

    @Test
    @BrowserTest
    void theConsoleListsTheMailOutboxsFailedMessages() {
        this.jdbc.update("INSERT INTO mail_outbox (recipient, subject, text_body, html_body, template, created_at,"
                + " status, attempts, next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, 'FAILED', 8, ?, ?)",
                "bounced@example.org", "Verify your e-mail", "text", "<p>html</p>", "verify-email",
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), "550 mailbox unavailable");
        ChromeDriver chromium = signedInOperator(BASE);
        try {
            chromium.get(BASE + "/admin/mail");
            assertThat(chromium.findElement(By.id("failed-mail")).getText()).contains("bounced@example.org")
                .contains("Verify your e-mail").contains("550 mailbox unavailable").contains("8 attempts");
            assertFitsAndAccessible(chromium);
        }
        finally {
            chromium.quit();
        }
    }

    @Test
    void aResearcherWhoIsNotAnOperatorGetsA403PageAndUnknownIdsGet404Pages() throws Exception {
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Nadia", "Notoperator");
            for (String path : List.of("/admin", "/admin/clients", "/admin/mail", "/admin/audit",
                    "/admin/researchers/" + OPERATOR)) {
                Page page = browser.open(BASE + path);
                assertThat(page.getWebResponse().getStatusCode()).as(path).isEqualTo(403);
                assertThat(((HtmlPage) page).getElementById("refused").asNormalizedText()).isEqualTo("Operators only");
            }
            Page post = browser.client().getPage(new WebRequest(new URL(BASE + "/admin/clients/APP-TEST000000000001/lock"),
                    HttpMethod.POST));
            assertThat(post.getWebResponse().getStatusCode()).isEqualTo(403);
        }
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), OPERATOR_EMAIL, OPERATOR_PASSWORD);
            Page unknownResearcher = browser.open(BASE + "/admin/researchers/0000-0002-9999-999X");
            assertThat(unknownResearcher.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(unknownResearcher.getWebResponse().getContentAsString())
                .contains("There is no researcher with the iD 0000-0002-9999-999X.");
            Page unknownClient = browser.open(BASE + "/admin/clients/APP-NOSUCHCLIENT0000");
            assertThat(unknownClient.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(unknownClient.getWebResponse().getContentAsString())
                .contains("There is no API client APP-NOSUCHCLIENT0000.");
            // A form post without its CSRF token changes nothing.
            Page forged = browser.client().getPage(new WebRequest(
                    new URL(BASE + "/admin/clients/APP-TEST000000000002/lock"), HttpMethod.POST));
            assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(clientCredentials("APP-TEST000000000002", "test-member-secret-0002").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOperatorWithoutTwoFactorSignInIsSentAwayWhenTheNodeRequiresIt() {
        try (OrreryNode node = OrreryNode.startFresh(Map.of("orrery.admin.require-two-factor", "true"));
                Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(node.url() + "/signin"), OPERATOR_EMAIL, OPERATOR_PASSWORD);
            Page admin = browser.open(node.url() + "/admin");
            assertThat(admin.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(((HtmlPage) admin).getElementById("refused").asNormalizedText())
                .isEqualTo("Two-factor sign-in required");
        }
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }
}
