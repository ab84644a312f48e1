package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.clients.SecretHasher;
import org.orrery.support.Browser;
import org.orrery.support.DatabaseContents;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Security rule 5: after a dance, a refresh, a two-legged token and a client registration, no table of the database
 * holds a code, token, client secret or password that was handed out or typed in, only their hashes.
 */
class DataAtRestTests extends OrreryIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void noTableHoldsAnyCodeTokenSecretOrPasswordInClear() {
        List<String> handedOut = new ArrayList<>(List.of(MEMBER_SECRET, ADA_PASSWORD));
        String accessToken;
        String clientSecret;
        try (Browser browser = new Browser()) {
            String exchanged = Dance.code(browser, BASE, PORT, MEMBER, "/read-limited", ADA_EMAIL, ADA_PASSWORD);
            JsonNode tokens = Http.json(exchange(exchanged));
            accessToken = tokens.get("access_token").asString();
            handedOut.addAll(List.of(exchanged, accessToken, tokens.get("refresh_token").asString()));
            JsonNode refreshed = Http.json(token(Map.of("grant_type", "refresh_token", "refresh_token",
                    tokens.get("refresh_token").asString())));
            handedOut.addAll(List.of(refreshed.get("access_token").asString(),
                    refreshed.get("refresh_token").asString()));
            handedOut.add(Http.json(token(Map.of("grant_type", "client_credentials", "scope", "/read-public")))
                .get("access_token").asString());
        }
        try (Browser browser = new Browser()) {
            handedOut.add(Dance.code(browser, BASE, PORT, MEMBER, "/authenticate", ADA_EMAIL, ADA_PASSWORD));
        }
        try (Browser browser = new Browser()) {
            String password = "password-" + UUID.randomUUID();
            handedOut.add(password);
            register(browser, "at-rest-" + UUID.randomUUID() + "@example.org", password);
            clientSecret = registerPublicClient(browser);
            handedOut.add(clientSecret);
        }

        List<DatabaseContents.Cell> cells = DatabaseContents.read(this.dataSource);
        for (String value : handedOut) {
            assertThat(cells).as("cells holding %s", value).noneMatch(cell -> cell.text().contains(value));
        }
        assertThat(cells).anyMatch(cell -> cell.text().equals(SecretHasher.sha256(accessToken)));
        assertThat(cells).anyMatch(cell -> cell.text().equals(SecretHasher.sha256(clientSecret)));
        assertThat(cells).extracting(cell -> cell.table().toLowerCase())
            .contains("oauth_token", "api_client_secret", "researcher", "spring_session_attributes");
    }

    private static void register(Browser browser, String email, String password) {
        HtmlPage form = browser.openHtml(BASE + "/register");
        Browser.type(form, "givenNames", "Rest");
        Browser.type(form, "familyName", "Tester");
        Browser.type(form, "email", email);
        Browser.type(form, "password", password);
        HtmlPage registered = Browser.click(form, "register-button");
        assertThat(registered.getUrl().getPath()).isEqualTo("/my-orcid");
        // Registering a client needs a verified primary address: follow the link mailed at registration.
        browser.open(org.orrery.support.QueuedMail.newestLink(BASE, email, "/verify-email/"));
    }

    private static String registerPublicClient(Browser browser) {
        HtmlPage tools = browser.openHtml(BASE + "/developer-tools");
        Browser.type(tools, "name", "At-rest check");
        tools.getHtmlElementById("description").setTextContent("Registered to look at the database afterwards.");
        tools.getHtmlElementById("redirectUris").setTextContent("http://127.0.0.1/callback");
        HtmlPage registered = Browser.click(tools, "register-client");
        String secret = registered.getHtmlElementById("client-secret").asNormalizedText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        return secret;
    }

    private static HttpResponse<String> exchange(String code) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Dance.redirectUri(PORT)));
    }

    private static HttpResponse<String> token(Map<String, String> grant) {
        Map<String, String> form = new HashMap<>(grant);
        form.put("client_id", MEMBER);
        form.put("client_secret", MEMBER_SECRET);
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token", form, "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
