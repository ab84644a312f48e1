package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_ORCID;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** OpenID Connect: discovery, the ID token verified with the published JWK set, and userinfo. */
class OpenIdConnectTests extends OrreryIntegrationTest {

    @Test
    void discoveryDescribesTheIssuerAndItsEndpoints() {
        HttpResponse<String> response = Http.get(BASE + "/.well-known/openid-configuration", "Origin",
                "https://app.example.org");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        JsonNode document = Http.json(response);
        assertThat(document.get("issuer").asString()).isEqualTo(BASE);
        assertThat(document.get("authorization_endpoint").asString()).isEqualTo(BASE + "/oauth/authorize");
        assertThat(document.get("token_endpoint").asString()).isEqualTo(BASE + "/oauth/token");
        assertThat(document.get("userinfo_endpoint").asString()).isEqualTo(BASE + "/oauth/userinfo");
        assertThat(document.get("jwks_uri").asString()).isEqualTo(BASE + "/oauth/jwks");
        assertThat(document.get("id_token_signing_alg_values_supported").get(0).asString()).isEqualTo("RS256");
        assertThat(document.get("code_challenge_methods_supported").get(0).asString()).isEqualTo("S256");
        assertThat(document.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
        assertThat(document.get("subject_types_supported").get(0).asString()).isEqualTo("public");
    }

    @Test
    void jwkSetIsPublicAndReadableFromAnyOrigin() throws Exception {
        HttpResponse<String> response = Http.get(BASE + "/oauth/jwks", "Origin", "https://app.example.org");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
        });
    }

    @Test
    void idTokenIsSignedWithThePublishedKeyAndCarriesOrcidsClaims() throws Exception {
        String nonce = "n-0S6_WzA2Mj";
        String code;
        try (Browser browser = new Browser()) {
            var landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, Dance.MEMBER, "openid",
                    Dance.redirectUri(PORT), "s") + "&nonce=" + nonce, Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            code = Dance.query(landed).get("code");
        }
        JsonNode tokens = Http.json(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code, Dance.redirectUri(PORT)));
        assertThat(tokens.propertyNames()).containsExactly("access_token", "token_type", "refresh_token", "expires_in",
                "scope", "name", "orcid", "id_token");
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        assertThat(idToken.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        RSAKey key = (RSAKey) JWKSet.parse(Http.get(BASE + "/oauth/jwks").body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        JWSVerifier verifier = new RSASSAVerifier(key);
        assertThat(idToken.verify(verifier)).isTrue();

        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(BASE);
        assertThat(claims.getSubject()).isEqualTo(ADA_ORCID);
        assertThat(claims.getAudience()).containsExactly(Dance.MEMBER);
        assertThat(claims.getStringClaim("nonce")).isEqualTo(nonce);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(24 * 3600 * 1000L);
        assertThat(claims.getStringClaim("at_hash")).isEqualTo(leftHalfHash(tokens.get("access_token").asString()));
        assertThat(claims.getStringClaim("amr")).isEqualTo("pwd");
        assertThat(claims.getLongClaim("auth_time")).isBetween(claims.getIssueTime().getTime() / 1000 - 120,
                claims.getIssueTime().getTime() / 1000);
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Ada");
        assertThat(claims.getStringClaim("family_name")).isEqualTo("Lovelace");
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void noIdTokenWithoutOpenidScope() {
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/authenticate");
        assertThat(tokens.has("id_token")).isFalse();
    }

    @Test
    void userInfoAnswersTheResearchersPublicNamesForGetAndPost() {
        String token = Tokens.threeLegged(BASE, PORT, "/authenticate").get("access_token").asString();
        HttpResponse<String> get = Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + token);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"id\":\"" + BASE + "/" + ADA_ORCID + "\",\"sub\":\"" + ADA_ORCID
                + "\",\"name\":null,\"family_name\":\"Lovelace\",\"given_name\":\"Ada\"}");
        HttpResponse<String> post = Http.postForm(BASE + "/oauth/userinfo", Map.of("access_token", token));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo(get.body());
    }

    @Test
    void userInfoRefusesMissingInvalidAndReadLimitedOnlyTokens() {
        String expected = "{\"error\":\"access_denied\",\"error-description\":\"access_token is invalid\"}";
        HttpResponse<String> missing = Http.get(BASE + "/oauth/userinfo");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo(expected);
        HttpResponse<String> invalid = Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer nope");
        assertThat(invalid.statusCode()).isEqualTo(403);
        assertThat(invalid.body()).isEqualTo(expected);
        String readLimited = Tokens.threeLegged(BASE, PORT, "/read-limited").get("access_token").asString();
        HttpResponse<String> notAuthenticate = Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + readLimited);
        assertThat(notAuthenticate.statusCode()).isEqualTo(403);
        assertThat(notAuthenticate.body()).isEqualTo(expected);
    }

    private static String leftHalfHash(String value) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
