package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/** PKCE (RFC 7636) for a confidential client, and the rules of security.md rule 3. */
class PkceTests extends OrreryIntegrationTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void s256ChallengeAndMatchingVerifierGiveTokens() throws Exception {
        String code = codeWithChallenge(challenge(VERIFIER), "S256");
        assertThat(exchange(code, VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongVerifierIsRefusedAndBurnsTheCode() throws Exception {
        String code = codeWithChallenge(challenge(VERIFIER), "S256");
        HttpResponse<String> wrong = exchange(code, VERIFIER.replace('d', 'e'));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code_verifier\"}");
        assertThat(exchange(code, VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void missingVerifierWhenAChallengeWasGivenIsRefused() throws Exception {
        String code = codeWithChallenge(challenge(VERIFIER), "S256");
        HttpResponse<String> missing = exchange(code, null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code_verifier\"}");
    }

    @Test
    void verifierWithoutAChallengeIsADowngradeAndIsRefused() {
        String code = codeWithChallenge(null, null);
        HttpResponse<String> downgrade = exchange(code, VERIFIER);
        assertThat(downgrade.statusCode()).isEqualTo(400);
        assertThat(downgrade.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"code_verifier was sent but the authorization request had no code_challenge\"}");
        assertThat(exchange(code, null).statusCode()).isEqualTo(400);
    }

    @Test
    void tooShortVerifierIsRefusedEvenWhenItMatches() throws Exception {
        String shortVerifier = "short-but-matching";
        String code = codeWithChallenge(challenge(shortVerifier), "S256");
        HttpResponse<String> response = exchange(code, shortVerifier);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"Invalid code_verifier: it must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~\"}");
    }

    @Test
    void plainMethodIsRefusedAtTheAuthorizationEndpoint() {
        try (Browser browser = new Browser()) {
            browser.client().getOptions().setRedirectEnabled(false);
            var response = browser.open(Dance.authorizeUrl(BASE, Dance.MEMBER, "/authenticate", Dance.redirectUri(PORT),
                    "p") + "&code_challenge=" + VERIFIER + "&code_challenge_method=plain").getWebResponse();
            assertThat(response.getStatusCode()).isEqualTo(302);
            Map<String, String> query = Dance.query(URI.create(response.getResponseHeaderValue("Location")));
            assertThat(query).containsEntry("error", "invalid_request").containsEntry("state", "p");
        }
    }

    private static String codeWithChallenge(String challenge, String method) {
        try (Browser browser = new Browser()) {
            String url = Dance.authorizeUrl(BASE, Dance.MEMBER, "/authenticate /read-limited", Dance.redirectUri(PORT),
                    "s");
            if (challenge != null) {
                url += "&code_challenge=" + challenge + "&code_challenge_method=" + method;
            }
            return Dance.query(Dance.authorize(browser, url, Dance.ADA_EMAIL, Dance.ADA_PASSWORD)).get("code");
        }
    }

    private static HttpResponse<String> exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", Dance.MEMBER, "client_secret",
                Dance.MEMBER_SECRET, "grant_type", "authorization_code", "code", code, "redirect_uri",
                Dance.redirectUri(PORT)));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return Http.postForm(BASE + "/oauth/token", form);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
