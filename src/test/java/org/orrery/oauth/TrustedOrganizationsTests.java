package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * The account page listing trusted organizations, and revoking one. It lists exactly the organizations that hold
 * working access (a live access token), the rule remembered consent follows.
 */
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

    @Test
    void anOrganizationWhoseTokensWereRevokedThroughTheApiIsNotListedAndConsentIsAskedAgain() {
        try (Browser account = new Browser()) {
            NewResearcher researcher = NewResearcher.register(account, BASE, "Revoked", "Elsewhere");
            JsonNode tokens = grant(researcher, "/read-limited");
            assertThat(listed(account)).containsExactly(Dance.MEMBER);

            HttpResponse<String> revoked = Http.postForm(BASE + "/oauth/revoke", Map.of("client_id", Dance.MEMBER,
                    "client_secret", Dance.MEMBER_SECRET, "token", tokens.get("access_token").asString()));
            assertThat(revoked.statusCode()).isEqualTo(200);

            assertThat(listed(account)).isEmpty();
            assertThat(account.openHtml(BASE + "/account/trusted-organizations").getElementById("no-grants"))
                .isNotNull();
            assertThat(account.open(BASE + "/account/get-trusted-orgs.json").getWebResponse().getContentAsString())
                .isEqualTo("[]");
            HtmlPage again = account.openHtml(Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited",
                    Dance.redirectUri(PORT), null));
            assertThat(again.getElementById("authorize")).as("the consent screen, asked again").isNotNull();
        }
    }

    @Test
    void anOrganizationWhoseCodeWasReusedIsNotListed() {
        try (Browser account = new Browser()) {
            NewResearcher researcher = NewResearcher.register(account, BASE, "Reused", "Code");
            String code;
            try (Browser dance = new Browser()) {
                code = Dance.code(dance, BASE, PORT, Dance.MEMBER, "/read-limited", researcher.email(),
                        researcher.password());
            }
            assertThat(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code, Dance.redirectUri(PORT))
                .statusCode()).isEqualTo(200);
            assertThat(listed(account)).containsExactly(Dance.MEMBER);

            assertThat(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code, Dance.redirectUri(PORT))
                .statusCode()).isEqualTo(400);

            assertThat(listed(account)).isEmpty();
        }
    }

    @Test
    void theListingShowsEachWorkingOrganizationOnceWithItsScopesInWordsAndTheDayGranted() {
        try (Browser account = new Browser()) {
            NewResearcher researcher = NewResearcher.register(account, BASE, "Twice", "Granted");
            grant(researcher, "/read-limited");
            grant(researcher, "/person/update");
            String code;
            try (Browser dance = new Browser()) {
                code = Dance.code(dance, BASE, PORT, Dance.OTHER_MEMBER, "/authenticate", researcher.email(),
                        researcher.password());
            }
            assertThat(code).as("a code never exchanged gives no working access").isNotNull();

            HtmlPage page = account.openHtml(BASE + "/account/trusted-organizations");
            assertThat(listed(account)).containsExactly(Dance.MEMBER);
            DomNode row = page.querySelector("tr[data-client-id='" + Dance.MEMBER + "']");
            assertThat(row.asNormalizedText()).contains("Read your information with visibility set to Trusted Parties",
                    "Add/update other information about you (country, keywords, etc.)");
            assertThat(row.querySelector("time").getAttributes().getNamedItem("datetime").getNodeValue())
                .startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 4));

            HtmlPage spanish = account.openHtml(BASE + "/account/trusted-organizations?lang=es");
            assertThat(spanish.getDocumentElement().getAttribute("lang")).isEqualTo("es");
            assertThat(spanish.querySelector("tr[data-client-id='" + Dance.MEMBER + "']").asNormalizedText())
                .contains("Leer su información con visibilidad para partes de confianza");
        }
    }

    /** Authorizes the member client for these scopes as the researcher and exchanges the code: working access. */
    private static JsonNode grant(NewResearcher researcher, String scope) {
        try (Browser dance = new Browser()) {
            String code = Dance.code(dance, BASE, PORT, Dance.MEMBER, scope, researcher.email(), researcher.password());
            HttpResponse<String> exchanged = Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(PORT));
            assertThat(exchanged.statusCode()).isEqualTo(200);
            return Http.json(exchanged);
        }
    }

    /** The client ids the researcher's trusted-organizations page lists. */
    private static List<String> listed(Browser account) {
        HtmlPage page = account.openHtml(BASE + "/account/trusted-organizations?lang=en");
        List<String> ids = new ArrayList<>();
        for (DomNode row : page.querySelectorAll("tr[data-client-id]")) {
            ids.add(((DomElement) row).getAttribute("data-client-id"));
        }
        return ids;
    }
}
