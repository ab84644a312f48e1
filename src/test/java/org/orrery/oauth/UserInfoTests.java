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

/** {@code /oauth/userinfo} as ORCID answers it. */
class UserInfoTests extends OrreryIntegrationTest {
    /** Ada has no credit name: {@code name} is left out (OpenID Connect Core §5.3.2), where ORCID writes null. */
    @Test
    void userInfoAnswersTheResearchersPublicNamesForGetAndPost() {
        String token = Tokens.threeLegged(BASE, PORT, "/authenticate").get("access_token").asString();
        HttpResponse<String> get = Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + token);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"id\":\"" + BASE + "/" + ADA_ORCID + "\",\"sub\":\"" + ADA_ORCID
                + "\",\"family_name\":\"Lovelace\",\"given_name\":\"Ada\"}");
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
}
