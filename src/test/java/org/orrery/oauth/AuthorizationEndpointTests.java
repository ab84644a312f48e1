package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.htmlunit.Page;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /oauth/authorize} before anyone signs in: which requests get Orrery's error page (never a redirect),
 * which get an error redirect to the client, and how ORCID's scope syntax and Orrery's redirect-URI matching
 * apply (security rules 1, 2 and 7; RFC 9700 §4.1.3, §4.11; RFC 9207).
 */
class AuthorizationEndpointTests extends OrreryIntegrationTest {

    /** Seeded with one https redirect URI. */
    private static final String EXACT = "APP-TESTA0000000EXCT";

    private static final String EXACT_REDIRECT = "https://client.example.org/orrery/callback";

    /** Seeded with a loopback redirect URI that carries a query. */
    private static final String QUERY = "APP-TESTA0000000QURY";

    private static final String QUERY_SECRET = "test-query-secret-0006";

    private static final String PUBLIC = "APP-TEST00000000PUBL";

    /** Seeded with ORCID's legacy prefix matching for https://legacy.example.org/orcid. */
    private static final String PREFIX = "APP-TEST00000000PREF";

    private static final String PREFIX_SECRET = "test-prefix-secret-0004";

    private static final String MISMATCH = "The provided redirect URI %s does not match the redirect URIs registered"
            + " by this application.";

    @Test
    void unknownClientGetsTheErrorPageEvenWithAnAttackersRedirectUri() {
        assertErrorPage(authorize("APP-0000000000000000", "/authenticate", "https://evil.example.com/cb", "s"),
                "The application is not registered with this registry (unknown client id).");
    }

    @Test
    void missingClientIdGetsTheErrorPage() {
        assertErrorPage(authorize(null, "/authenticate", Dance.redirectUri(PORT), "s"), "Please specify a client id.");
    }

    @Test
    void missingRedirectUriGetsTheErrorPage() {
        assertErrorPage(authorize(MEMBER, "/authenticate", null, "s"), "Please specify a redirect URL");
    }

    @Test
    void unregisteredRedirectUriGetsTheErrorPage() {
        String attacker = "https://evil.example.com/steal";
        assertErrorPage(authorize(MEMBER, "/authenticate", attacker, "s"), MISMATCH.formatted(attacker));
    }

    @Test
    void invalidScopeWithAnUnregisteredRedirectUriGetsTheErrorPageNotARedirect() {
        String attacker = "https://evil.example.com/steal";
        assertErrorPage(authorize(MEMBER, "/no-such-scope", attacker, "s"), MISMATCH.formatted(attacker));
    }

    @Test
    void theRegisteredHttpsRedirectUriIsAcceptedAndTheResearcherIsSentToSignIn() {
        assertSentToSignIn(authorize(EXACT, "/authenticate", EXACT_REDIRECT, "s"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://client.example.org/orrery/callback/extra",
        "https://client.example.org/orrery/callback/",
        "https://client.example.org/orrery/Callback",
        "https://Client.Example.org/orrery/callback",
        "HTTPS://client.example.org/orrery/callback",
        "https://client.example.org@evil.example.com/orrery/callback",
        "https://evil.example.com@client.example.org/orrery/callback",
        "https://client.example.org/orrery/x/../callback",
        "https://client.example.org/orrery/./callback",
        "https://client.example.org/orrery/x/..;/callback",
        "https://client.example.org/orrery/callback;jsessionid=x",
        "https://client.example.org/orrery/callback#fragment",
        "https://client.example.org/orrery/callback#",
        "https://client.example.org/orrery/%63allback",
        "https://client.example.org/orrery%2Fcallback",
        "https://client.ex\u0430mple.org/orrery/callback",
        "https://client.example.org/orrery/callback*",
        "https://client.example.org.evil.example.com/orrery/callback",
        "https://evil.client.example.org/orrery/callback",
        "https://client.example.org:8443/orrery/callback",
        "https://client.example.org:443/orrery/callback",
        "http://client.example.org/orrery/callback",
        "https://client.example.org/orrery/callback?next=https://evil.example.com",
        "javascript://client.example.org/orrery/callback",
        " https://client.example.org/orrery/callback",
    })
    void aRedirectUriThatDiffersFromTheRegisteredOneInAnyWayGetsTheErrorPage(String variant) {
        assertErrorPage(authorize(EXACT, "/authenticate", variant, "s"), MISMATCH.formatted(variant.strip()));
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = { 1, 8080, 65535 })
    void anyPortOfTheRegisteredLoopbackRedirectUriIsAccepted(int port) {
        assertSentToSignIn(authorize(MEMBER, "/authenticate", Dance.redirectUri(port), "s"));
    }

    @Test
    void theRegisteredLoopbackRedirectUriWithoutAPortIsAccepted() {
        assertSentToSignIn(authorize(MEMBER, "/authenticate", "http://127.0.0.1/demo/callback", "s"));
    }

    @Test
    void anErrorForAnotherLoopbackPortIsSentToThatPort() {
        String redirect = Dance.redirectUri(49152);
        assertErrorRedirect(authorize(MEMBER, "/no-such-scope", redirect, "p"), redirect,
                Map.of("error", "invalid_scope", "error_description", "Invalid scope: /no-such-scope", "state", "p",
                        "iss", BASE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://localhost:%d/demo/callback",
        "http://127.0.0.2:%d/demo/callback",
        "http://[::1]:%d/demo/callback",
        "https://127.0.0.1:%d/demo/callback",
        "http://127.0.0.1:%d/demo/callback/",
        "http://127.0.0.1:%d/demo/Callback",
        "http://127.0.0.1:%d/demo/x/../callback",
        "http://127.0.0.1:%d/demo/callback?x=1",
        "http://127.0.0.1:%d/demo/callback#x",
        "http://evil@127.0.0.1:%d/demo/callback",
    })
    void aLoopbackRedirectUriMayDifferOnlyInItsPort(String pattern) {
        String variant = pattern.formatted(PORT);
        assertErrorPage(authorize(MEMBER, "/authenticate", variant, "s"), MISMATCH.formatted(variant));
    }

    @Test
    void unknownScopeRedirectsInvalidScopeWithStateAndIssuer() {
        assertErrorRedirect(authorize(MEMBER, "/no-such-scope", Dance.redirectUri(PORT), "st@te 1"),
                Dance.redirectUri(PORT), Map.of("error", "invalid_scope", "error_description",
                        "Invalid scope: /no-such-scope", "state", "st@te 1", "iss", BASE));
    }

    @Test
    void clientCredentialsOnlyScopeRedirectsInvalidScope() {
        assertErrorRedirect(authorize(MEMBER, "/read-public", Dance.redirectUri(PORT), "s2"), Dance.redirectUri(PORT),
                Map.of("error", "invalid_scope", "error_description", "Invalid scope: /read-public", "state", "s2",
                        "iss", BASE));
    }

    @Test
    void scopeOutsideThePublicClientsSetRedirectsInvalidScope() {
        assertErrorRedirect(authorize(PUBLIC, "/read-limited", Dance.redirectUri(PORT), "s3"), Dance.redirectUri(PORT),
                Map.of("error", "invalid_scope", "error_description", "Invalid scope: /read-limited", "state", "s3",
                        "iss", BASE));
    }

    @Test
    void missingScopeRedirectsPleaseSpecifyTheDesiredScopes() {
        assertErrorRedirect(authorize(MEMBER, null, Dance.redirectUri(PORT), "s4"), Dance.redirectUri(PORT),
                Map.of("error", "invalid_scope", "error_description", "Please specify the desired scopes", "state",
                        "s4", "iss", BASE));
    }

    @Test
    void invalidScopeErrorWithoutStateCarriesOnlyTheIssuer() {
        assertErrorRedirect(authorize(MEMBER, "/no-such-scope", Dance.redirectUri(PORT), null), Dance.redirectUri(PORT),
                Map.of("error", "invalid_scope", "error_description", "Invalid scope: /no-such-scope", "iss", BASE));
    }

    @Test
    void invalidScopeOnAnHttpsClientIsRedirectedToItsRegisteredUri() {
        assertErrorRedirect(authorize(EXACT, "/webhook", EXACT_REDIRECT, "s5"), EXACT_REDIRECT, Map.of("error",
                "invalid_scope", "error_description", "Invalid scope: /webhook", "state", "s5", "iss", BASE));
    }

    @ParameterizedTest(name = "scope={0}")
    @ValueSource(strings = {
        "/read-limited+/activities/update",
        "/read-limited%2B/activities/update",
        "/read-limited%20%20%20/activities/update",
        "%20/read-limited+%20+/activities/update%20",
        "/read-limited%20profile%20email%20/activities/update%20address%20phone%20offline_access",
    })
    void scopesAreReadTheOrcidWayAndIgnoredOpenIdScopesAreDropped(String rawScope) {
        String redirect = Dance.redirectUri(PORT);
        String url = BASE + "/oauth/authorize?client_id=" + MEMBER + "&response_type=code&scope=" + rawScope
                + "&redirect_uri=" + enc(redirect) + "&state=sc";
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser, url, ADA_EMAIL, ADA_PASSWORD);
            JsonNode token = exchange(MEMBER, MEMBER_SECRET, Dance.query(landed).get("code"), redirect);
            assertThat(token.get("scope").asString().split(" ")).containsExactlyInAnyOrder("/read-limited",
                    "/activities/update");
        }
    }

    @Test
    void aRegisteredRedirectUriWithAQueryKeepsItAndTheCodeIsAddedWithAnAmpersand() {
        String redirect = "http://127.0.0.1:" + PORT + "/demo/callback?tenant=a";
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, QUERY, "/authenticate", redirect, "q"),
                    ADA_EMAIL, ADA_PASSWORD);
            assertThat(landed.getRawQuery()).startsWith("tenant=a&code=");
            Map<String, String> query = Dance.query(landed);
            assertThat(query.keySet()).containsExactly("tenant", "code", "state", "iss");
            assertThat(query).containsEntry("state", "q").containsEntry("iss", BASE);
            JsonNode token = exchange(QUERY, QUERY_SECRET, query.get("code"), redirect);
            assertThat(token.get("orcid").asString()).isEqualTo(ADA_ORCID);
        }
    }

    @Test
    void anErrorRedirectToARegisteredUriWithAQueryKeepsItToo() {
        String redirect = "http://127.0.0.1:" + PORT + "/demo/callback?tenant=a";
        HttpResponse<String> response = Http.get(authorize(QUERY, "/no-such-scope", redirect, "qe"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(redirect
                + "&error=invalid_scope&error_description=Invalid%20scope%3A%20%2Fno-such-scope&state=qe&iss="
                + enc(BASE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://127.0.0.1:%d/demo/callback",
        "http://127.0.0.1:%d/demo/callback?tenant=b",
        "http://127.0.0.1:%d/demo/callback?tenant=a&tenant=b",
        "http://127.0.0.1:%d/demo/callback?tenant=a&",
    })
    void theQueryOfARegisteredRedirectUriMustBeSentUnchanged(String pattern) {
        String variant = pattern.formatted(PORT);
        assertErrorPage(authorize(QUERY, "/authenticate", variant, "s"), MISMATCH.formatted(variant));
    }

    @Test
    void legacyPrefixClientAcceptsAPathBelowItsRegisteredUri() {
        String redirect = "https://legacy.example.org/orcid/sub/path";
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(Dance.authorizeUrl(BASE, PREFIX, "/authenticate", redirect, "lg"));
            HtmlPage consent = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse decision = Browser.<Page>click(consent, "authorize").getWebResponse();
            assertThat(decision.getStatusCode()).isEqualTo(302);
            URI location = URI.create(decision.getResponseHeaderValue("Location"));
            assertThat(location.toString()).startsWith(redirect + "?code=");
            Map<String, String> query = Dance.query(location);
            assertThat(query.keySet()).containsExactly("code", "state", "iss");
            assertThat(query).containsEntry("state", "lg").containsEntry("iss", BASE);
            JsonNode token = exchange(PREFIX, PREFIX_SECRET, query.get("code"), redirect);
            assertThat(token.get("orcid").asString()).isEqualTo(ADA_ORCID);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://other.example.org/orcid/sub/path",
        "https://legacy.example.org.evil.example.com/orcid",
        "https://evil.legacy.example.org/orcid",
        "https://legacy.example.org@evil.example.com/orcid",
        "https://legacy.example.org:8443/orcid",
        "http://legacy.example.org/orcid",
        "https://legacy.example.org/other",
        "https://legacy.example.org/orcid/../admin",
        "https://legacy.example.org/orcid/sub#fragment",
    })
    void legacyPrefixClientStillRefusesOtherHostsSchemesPortsAndPaths(String variant) {
        assertErrorPage(authorize(PREFIX, "/authenticate", variant, "s"), MISMATCH.formatted(variant));
    }

    /** Opens the URL without following redirects and checks Orrery's own error page. */
    private static void assertErrorPage(String url, String message) {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            Page page = browser.open(url);
            WebResponse response = page.getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getResponseHeaderValue("Content-Type")).startsWith("text/html");
            assertThat(response.getResponseHeaderValue("Location")).isNull();
            HtmlPage html = (HtmlPage) page;
            assertThat(html.getTitleText()).isNotBlank();
            assertThat(html.getHtmlElementById("oauth-error").asNormalizedText()).isEqualTo(message);
        }
    }

    private static void assertErrorRedirect(String url, String redirectUri, Map<String, String> expectedQuery) {
        HttpResponse<String> response = Http.get(url);
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?");
        assertThat(Dance.query(location)).isEqualTo(expectedQuery);
    }

    /** A valid request from a browser that is not signed in goes to the sign-in page, as at ORCID. */
    private static void assertSentToSignIn(String url) {
        HttpResponse<String> response = Http.get(url);
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(BASE + "/").resolve(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/signin");
        assertThat(location.getRawQuery()).startsWith("oauth&");
    }

    /** The authorize URL with each given parameter encoded; a null value leaves the parameter out. */
    private static String authorize(String clientId, String scope, String redirectUri, String state) {
        StringBuilder url = new StringBuilder(BASE).append("/oauth/authorize?response_type=code");
        String[][] params = { { "client_id", clientId }, { "scope", scope }, { "redirect_uri", redirectUri },
            { "state", state } };
        Arrays.stream(params).filter(p -> p[1] != null).forEach(p -> url.append('&').append(p[0]).append('=')
            .append(enc(p[1])));
        return url.toString();
    }

    private static JsonNode exchange(String clientId, String secret, String code, String redirectUri) {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId,
                "client_secret", secret, "grant_type", "authorization_code", "code", code, "redirect_uri",
                redirectUri), "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
