package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * The defects the OpenID Foundation's conformance suite (Basic OP plan) found, one test each, named for the
 * section it cites. The refresh-token item (RFC 6749 §5.2) is in {@link RefreshTokenGrantTests}.
 */
class OpenIdConformanceTests extends OrreryIntegrationTest {

    private static final String REDIRECT = Dance.redirectUri(PORT);

    @Test
    void oidcCore3_1_2_1_authorizationRequestByFormPostRunsTheDanceAndTheConsentKeepsItsCsrfCheck() throws Exception {
        try (Browser browser = new Browser()) {
            Page signIn = browser.client().getPage(postAuthorization("post-1", "n-1"));
            assertThat(signIn.getWebResponse().getStatusCode()).isEqualTo(200);
            Page afterSignIn = Browser.signIn((HtmlPage) signIn, Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            URI landed = afterSignIn instanceof HtmlPage consent && consent.getElementById("authorize") != null
                    ? Dance.toUri(Browser.click(consent, "authorize")) : Dance.toUri(afterSignIn);
            assertThat(landed.toString()).startsWith(REDIRECT);
            assertThat(Dance.query(landed)).containsEntry("state", "post-1").containsKey("code");
            // Signed in now: a second POST request reaches consent (or the callback), not refused as a forged consent.
            Page again = browser.client().getPage(postAuthorization("post-2", "n-2"));
            assertThat(again.getWebResponse().getStatusCode()).isEqualTo(200);
            URI second = again instanceof HtmlPage consent && consent.getElementById("authorize") != null
                    ? Dance.toUri(Browser.click(consent, "authorize")) : Dance.toUri(again);
            assertThat(second.toString()).startsWith(REDIRECT);
            assertThat(Dance.query(second)).containsEntry("state", "post-2").containsKey("code");
            // The consent decision itself still needs the form's CSRF token.
            WebRequest forged = new WebRequest(new URL(BASE + "/oauth/authorize"), HttpMethod.POST);
            forged.setRequestParameters(List.of(new NameValuePair("client_id", Dance.MEMBER),
                    new NameValuePair("state", "x"), new NameValuePair("scope", "openid")));
            assertThat(browser.client().getPage(forged).getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void oidcCore6_1_requestObjectIsAnsweredRequestNotSupportedWithItsState() {
        String header = b64("{\"alg\":\"none\"}");
        String claims = b64("{\"client_id\":\"" + Dance.MEMBER + "\",\"response_type\":\"code\",\"scope\":\"openid\","
                + "\"redirect_uri\":\"" + REDIRECT + "\",\"state\":\"from-object\",\"nonce\":\"n-obj\"}");
        HttpResponse<String> answer = Http.get(BASE + "/oauth/authorize?client_id=" + Dance.MEMBER
                + "&response_type=code&scope=openid&redirect_uri=" + enc(REDIRECT) + "&request=" + header + "."
                + claims + ".");
        assertThat(answer.statusCode()).isEqualTo(302);
        Map<String, String> query = Dance.query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
        assertThat(query).containsEntry("error", "request_not_supported").containsEntry("state", "from-object")
            .containsEntry("iss", BASE);
        JsonNode discovery = Http.json(Http.get(BASE + "/.well-known/openid-configuration"));
        assertThat(discovery.get("request_parameter_supported").asBoolean()).isFalse();
        assertThat(discovery.get("request_uri_parameter_supported").asBoolean()).isFalse();
    }

    @Test
    void oidcCore5_3_2_claimsWithoutAValueAreOmittedFromUserinfoAndTheIdToken() throws Exception {
        NewResearcher nameless;
        try (Browser registering = new Browser()) {
            nameless = NewResearcher.register(registering, BASE, "Nameless", "");
        }
        String code;
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, Dance.MEMBER, "openid", REDIRECT, "s"),
                    nameless.email(), nameless.password());
            code = Dance.query(landed).get("code");
        }
        JsonNode tokens = Http.json(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code, REDIRECT));
        HttpResponse<String> userinfo = Http.get(BASE + "/oauth/userinfo", "Authorization",
                "Bearer " + tokens.get("access_token").asString());
        JsonNode body = Http.json(userinfo);
        assertThat(body.propertyNames()).containsExactly("id", "sub", "given_name");
        assertThat(userinfo.body()).doesNotContain("null");
        JWTClaimsSet idToken = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
        assertThat(idToken.getClaims()).doesNotContainKeys("name", "family_name").containsEntry("given_name",
                "Nameless");
        assertThat(idToken.getClaims().values()).doesNotContainNull();
    }

    @Test
    void rfc6749_4_1_2_1_missingResponseTypeWithAValidClientAndRedirectUriIsRedirectedAsInvalidRequest() {
        HttpResponse<String> answer = Http.get(BASE + "/oauth/authorize?client_id=" + Dance.MEMBER
                + "&scope=openid&state=no-type&redirect_uri=" + enc(REDIRECT));
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        assertThat(Dance.query(URI.create(location))).containsEntry("error", "invalid_request")
            .containsEntry("state", "no-type").containsEntry("iss", BASE);
        // An unregistered redirect URI still gets the error page, never a redirect (RFC 9700 §4.11).
        HttpResponse<String> unregistered = Http.get(BASE + "/oauth/authorize?client_id=" + Dance.MEMBER
                + "&scope=openid&state=no-type&redirect_uri=" + enc("https://evil.example.com/cb"));
        assertThat(unregistered.statusCode()).isEqualTo(400);
        assertThat(unregistered.headers().firstValue("Location")).isEmpty();
    }

    private static WebRequest postAuthorization(String state, String nonce) throws Exception {
        WebRequest request = new WebRequest(new URL(BASE + "/oauth/authorize"), HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("client_id", Dance.MEMBER),
                new NameValuePair("response_type", "code"), new NameValuePair("scope", "openid"),
                new NameValuePair("redirect_uri", REDIRECT), new NameValuePair("state", state),
                new NameValuePair("nonce", nonce)));
        return request;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
