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

/** The ID token: signed with a published key, ORCID's claims, only with the openid scope. */
class IdTokenTests extends OrreryIntegrationTest {
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
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
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

    private static String leftHalfHash(String value) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
