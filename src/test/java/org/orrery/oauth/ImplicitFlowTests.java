package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import org.htmlunit.Page;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/** The implicit flow: tokens in the fragment, for /authenticate and openid only, nonce required with an ID token. */
class ImplicitFlowTests extends OrreryIntegrationTest {

    private static final String CLIENT = Dance.OTHER_MEMBER;

    private static String url(String responseType, String scope, String extra) {
        return BASE + "/oauth/authorize?client_id=" + CLIENT + "&response_type=" + responseType.replace(" ", "%20")
                + "&scope=" + scope.replace(" ", "%20") + "&redirect_uri=" + Dance.redirectUri(PORT) + "&state=imp"
                + extra;
    }

    @Test
    void tokenResponseTypePutsA600SecondTokenInTheFragment() {
        try (Browser browser = new Browser()) {
            Map<String, String> fragment = authorizeAndReadFragment(browser, url("token", "/authenticate", ""));
            assertThat(fragment).containsEntry("token_type", "bearer").containsEntry("expires_in", "600")
                .containsEntry("state", "imp").containsEntry("iss", BASE).doesNotContainKey("id_token");
            var userInfo = Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + fragment.get("access_token"));
            assertThat(userInfo.statusCode()).isEqualTo(200);
            assertThat(Http.json(userInfo).get("sub").asString()).isEqualTo(Dance.ADA_ORCID);
        }
    }

    @Test
    void idTokenTokenCarriesAVerifiedIdTokenWithTheNonce() throws Exception {
        try (Browser browser = new Browser()) {
            Map<String, String> fragment = authorizeAndReadFragment(browser,
                    url("id_token token", "openid", "&nonce=abc123"));
            SignedJWT idToken = SignedJWT.parse(fragment.get("id_token"));
            RSAKey key = (RSAKey) JWKSet.parse(Http.get(BASE + "/oauth/jwks").body())
                .getKeyByKeyId(idToken.getHeader().getKeyID());
            assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("abc123");
            assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo(Dance.ADA_ORCID);
            assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly(CLIENT);
        }
    }

    @Test
    void idTokenWithoutNonceIsRefusedInTheFragment() {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse response = browser.open(url("id_token token", "openid", "")).getWebResponse();
            Map<String, String> fragment = fragment(URI.create(response.getResponseHeaderValue("Location")));
            assertThat(fragment).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Implicit id_token requests must have nonce")
                .containsEntry("state", "imp");
        }
    }

    @Test
    void scopesBeyondAuthenticateAndOpenidAreRefused() {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            WebResponse response = browser.open(url("token", "/read-limited", "")).getWebResponse();
            assertThat(fragment(URI.create(response.getResponseHeaderValue("Location"))))
                .containsEntry("error", "invalid_scope").containsEntry("error_description", "Invalid scope: /read-limited");
        }
    }

    @Test
    void unregisteredRedirectUriGetsTheErrorPage() {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            Page page = browser.open(BASE + "/oauth/authorize?client_id=" + CLIENT
                    + "&response_type=token&scope=/authenticate&redirect_uri=https://evil.example.org/cb");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getWebResponse().getResponseHeaderValue("Location")).isNull();
        }
    }

    @Test
    void denyingAnswersAccessDeniedInTheFragment() {
        try (Browser browser = new Browser()) {
            HtmlPage consent = Browser.signIn(browser.openHtml(url("token", "/authenticate openid", "&prompt=confirm")),
                    Dance.BOB_EMAIL, Dance.BOB_PASSWORD);
            URI landed = Dance.toUri(Browser.click(consent, "deny"));
            assertThat(fragment(landed)).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User denied access").containsEntry("state", "imp");
        }
    }

    private static Map<String, String> authorizeAndReadFragment(Browser browser, String url) {
        Page afterSignIn = Browser.signIn(browser.openHtml(url), Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
        Page landed = afterSignIn instanceof HtmlPage consent && consent.getElementById("authorize") != null
                ? Browser.click(consent, "authorize") : afterSignIn;
        return fragment(Dance.toUri(landed));
    }

    private static Map<String, String> fragment(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawFragment();
        assertThat(raw).as("fragment of " + uri).isNotNull();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
