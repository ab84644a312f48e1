package org.orrery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * The audit trail as a researcher sees it on their account history page: every step of a dance, with the
 * application and the address, newest first; and only their own events.
 */
class AccountHistoryTests extends OrreryIntegrationTest {

    private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

    private static final String MEMBER_NAME = "Test Member Integration";

    @Test
    void aDancesEventsAppearOnTheHistoryPageInOrder() {
        try (Browser browser = new Browser()) {
            String redirect = Dance.redirectUri(PORT);
            HtmlPage signIn = browser.openHtml(Dance.authorizeUrl(BASE, MEMBER, "/read-limited", redirect, "h1"));
            HtmlPage register = Browser.click(signIn, "register-link");
            String password = "pw-" + UUID.randomUUID();
            String email = fillRegistration(register, password);
            HtmlPage consent = Browser.click(register, "register-button");
            URI landed = Dance.toUri(Browser.click(consent, "authorize"));
            String code = Dance.query(landed).get("code");

            JsonNode issued = Http.json(Tokens.exchange(BASE, MEMBER, MEMBER_SECRET, code, redirect));
            JsonNode refreshed = Http.json(Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER,
                    "client_secret", MEMBER_SECRET, "grant_type", "refresh_token", "refresh_token",
                    issued.get("refresh_token").asString())));
            assertThat(Http.postForm(BASE + "/oauth/revoke", Map.of("client_id", MEMBER, "client_secret",
                    MEMBER_SECRET, "token", refreshed.get("access_token").asString())).statusCode()).isEqualTo(200);
            assertThat(Tokens.exchange(BASE, MEMBER, MEMBER_SECRET, code, redirect).statusCode()).isEqualTo(400);
            // every token of the grant is revoked now, so the organization no longer holds access to revoke
            assertThat(browser.openHtml(BASE + "/account/trusted-organizations").getElementById("revoke-" + MEMBER))
                .isNull();

            HtmlButton signOut = browser.openHtml(BASE + "/my-orcid")
                .getFirstByXPath("//form[@action='/signout']//button");
            signOut(signOut);
            Browser.signIn(browser.openHtml(BASE + "/signin"), email, "not-" + password);
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), email, password);

            HtmlPage history = Browser.click(record, "account-history-link");
            assertThat(history.getUrl().getPath()).isEqualTo("/account/history");
            assertThat(history.getTitleText()).isEqualTo("Account history · Orrery");
            assertThat(rows(history)).containsExactly(
                    List.of("SIGNED_IN", "Signed in", ""),
                    List.of("SIGN_IN_FAILED", "Failed sign-in wrong password", ""),
                    List.of("TOKEN_REVOKED", "Access revoked because its authorization code was used twice", MEMBER_NAME),
                    List.of("TOKEN_REVOKED", "Access revoked by the application: access token", MEMBER_NAME),
                    List.of("TOKEN_REFRESHED", "Access token refreshed: refresh_token, scope /read-limited", MEMBER_NAME),
                    List.of("TOKEN_ISSUED", "Access token issued: authorization_code, scope /read-limited", MEMBER_NAME),
                    List.of("ACCESS_GRANTED", "Granted access: /read-limited", MEMBER_NAME),
                    List.of("REGISTERED", "Registered", MEMBER_NAME));
            for (DomNode row : history.querySelectorAll("#account-history tbody tr")) {
                assertThat(row.querySelector(".when").getTextContent()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
                assertThat(row.querySelector(".address").getTextContent()).matches(LOOPBACK);
            }
        }
    }

    @Test
    void aClientsWriteToTheRecordAppearsOnTheHistoryPage() {
        try (Browser browser = new Browser()) {
            String redirect = Dance.redirectUri(PORT);
            HtmlPage register = Browser.click(
                    browser.openHtml(Dance.authorizeUrl(BASE, MEMBER, "/person/update", redirect, "w1")), "register-link");
            fillRegistration(register, "pw-" + UUID.randomUUID());
            HtmlPage consent = Browser.click(register, "register-button");
            String code = Dance.query(Dance.toUri(Browser.click(consent, "authorize"))).get("code");
            JsonNode token = Http.json(Tokens.exchange(BASE, MEMBER, MEMBER_SECRET, code, redirect));

            HttpResponse<String> created = Http.post(BASE + "/api/v3.0/" + token.get("orcid").asString() + "/keywords",
                    "{\"content\":\"audited\"}", "Authorization", "Bearer " + token.get("access_token").asString(),
                    "Content-Type", "application/vnd.orcid+json", "Accept", "application/vnd.orcid+json");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String putCode = location.substring(location.lastIndexOf('/') + 1);

            assertThat(rows(browser.openHtml(BASE + "/account/history")).get(0))
                .isEqualTo(List.of("RECORD_WRITTEN", "Record changed: keyword " + putCode + " added", MEMBER_NAME));
        }
    }

    @Test
    void registeringAnApiClientAppearsOnTheHistoryPage() {
        try (Browser browser = new Browser()) {
            HtmlPage shown = registerWithClient(browser, "History Reader");
            assertThat(shown.getElementById("client-secret")).isNotNull();

            HtmlPage history = browser.openHtml(BASE + "/account/history");
            assertThat(rows(history)).containsExactly(
                    List.of("CLIENT_CREATED", "API client registered: History Reader", "History Reader"),
                    List.of("EMAIL_VERIFIED", "Email address verified", ""), List.of("REGISTERED", "Registered", ""));
        }
    }

    @Test
    void resettingAClientSecretAppearsOnTheHistoryPage() {
        try (Browser browser = new Browser()) {
            HtmlPage registered = registerWithClient(browser, "Rotating Reader");
            HtmlPage reset = Browser.click(Browser.click(registered, "reset-secret"), "confirm-reset-secret");
            assertThat(reset.getElementById("secret-reset")).isNotNull();

            HtmlPage history = browser.openHtml(BASE + "/account/history");
            assertThat(rows(history)).containsExactly(
                    List.of("CLIENT_SECRET_RESET", "API client secret reset", "Rotating Reader"),
                    List.of("CLIENT_CREATED", "API client registered: Rotating Reader", "Rotating Reader"),
                    List.of("EMAIL_VERIFIED", "Email address verified", ""), List.of("REGISTERED", "Registered", ""));
        }
    }

    @Test
    void theHistoryPageAsksToSignInFirst() {
        HttpResponse<String> response = Http.get(BASE + "/account/history", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(BASE + "/signin");
    }

    /** Registers a new researcher, who registers an API client of this name; returns the page showing it. */
    private static HtmlPage registerWithClient(Browser browser, String clientName) {
        HtmlPage register = browser.openHtml(BASE + "/register");
        String email = fillRegistration(register, "pw-" + UUID.randomUUID());
        Browser.click(register, "register-button");
        // Registering a client needs a verified primary address: follow the link mailed at registration.
        browser.open(org.orrery.support.QueuedMail.newestLink(BASE, email, "/verify-email/"));
        HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
        Browser.type(tools, "name", clientName);
        tools.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("description").setText("An application.");
        tools.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("redirectUris").setText(Dance.redirectUri(PORT));
        return Browser.click(tools, "register-client");
    }

    /** Fills the register page for a new researcher; returns the email. */
    static String fillRegistration(HtmlPage register, String password) {
        String email = "h-" + UUID.randomUUID() + "@example.org";
        Browser.type(register, "givenNames", "Hilda");
        Browser.type(register, "familyName", "Story");
        Browser.type(register, "email", email);
        Browser.type(register, "password", password);
        return email;
    }

    /** Each row of the history table: event type, what, application. */
    private static List<List<String>> rows(HtmlPage history) {
        List<List<String>> rows = new ArrayList<>();
        for (DomNode row : history.querySelectorAll("#account-history tbody tr")) {
            rows.add(List.of(((org.htmlunit.html.DomElement) row).getAttribute("data-event-type"),
                    row.querySelector(".what").getTextContent(), row.querySelector(".application").getTextContent()));
        }
        return rows;
    }

    private static void signOut(HtmlButton button) {
        try {
            button.click();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
