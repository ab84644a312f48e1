package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** The account page listing trusted organizations, and revoking one. */
class TrustedOrganizationsTests extends OrreryIntegrationTest {

    private static final String PUBLIC_CLIENT = "APP-TEST00000000PUBL";

    @Test
    void revokingAnOrganizationStopsItsTokensAndAsksForConsentAgain() {
        try (Browser browser = new Browser()) {
            String scope = "/authenticate";
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, PUBLIC_CLIENT, scope, Dance.redirectUri(PORT),
                    null), Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            HttpResponse<String> exchanged = Tokens.exchange(BASE, PUBLIC_CLIENT, "test-public-secret-0003",
                    Dance.query(landed).get("code"), Dance.redirectUri(PORT));
            JsonNode tokens = Http.json(exchanged);
            String accessToken = tokens.get("access_token").asString();
            assertThat(Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + accessToken).statusCode())
                .isEqualTo(200);

            HtmlPage account = browser.openHtml(BASE + "/account/trusted-organizations");
            org.htmlunit.html.DomNode row = account.querySelector("tr[data-client-id='" + PUBLIC_CLIENT + "']");
            assertThat((Object) row).isNotNull();
            assertThat(row.querySelector(".org-name").getTextContent()).isEqualTo("Test Public Client");
            assertThat(row.asNormalizedText()).contains("Get your ORCID iD");
            assertThat(row.querySelector(".granted").getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}");

            HtmlPage after = Browser.click(account, "revoke-" + PUBLIC_CLIENT);
            assertThat(after.getElementById("revoked-notice")).isNotNull();
            assertThat((Object) after.querySelector("tr[data-client-id='" + PUBLIC_CLIENT + "']")).isNull();
            assertThat(Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + accessToken).statusCode())
                .isEqualTo(403);
            assertThat(Http.postForm(BASE + "/oauth/token", java.util.Map.of("client_id", PUBLIC_CLIENT,
                    "client_secret", "test-public-secret-0003", "grant_type", "refresh_token", "refresh_token",
                    tokens.get("refresh_token").asString())).statusCode()).isEqualTo(400);

            HtmlPage consentAgain = browser.openHtml(
                    Dance.authorizeUrl(BASE, PUBLIC_CLIENT, scope, Dance.redirectUri(PORT), null));
            assertThat(consentAgain.getElementById("authorize")).isNotNull();
        }
    }

    @Test
    void revokedMemberTokenGets401OnTheApi() {
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited /person/update",
                    Dance.redirectUri(PORT), null), Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            JsonNode tokens = Http.json(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET,
                    Dance.query(landed).get("code"), Dance.redirectUri(PORT)));
            String orcid = tokens.get("orcid").asString();
            String accessToken = tokens.get("access_token").asString();
            assertThat(Tokens.readRecord(BASE, orcid, accessToken).statusCode()).isEqualTo(200);

            HtmlPage account = browser.openHtml(BASE + "/account/trusted-organizations");
            Browser.click(account, "revoke-" + Dance.MEMBER);
            HttpResponse<String> after = Tokens.readRecord(BASE, orcid, accessToken);
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(after.body()).isEqualTo(
                    "{\"error\":\"invalid_token\",\"error_description\":\"Invalid access token: " + accessToken + "\"}");
        }
    }

    @Test
    void revokingRequiresACsrfToken() {
        HttpResponse<String> forged = Http.postForm(BASE + "/account/trusted-organizations/revoke",
                java.util.Map.of("clientId", Dance.MEMBER));
        assertThat(forged.statusCode()).isIn(302, 303, 401, 403);
        assertThat(forged.headers().firstValue("Location").orElse("")).doesNotContain("revoked");
    }
}
