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

/** OpenID Connect discovery and the published JWK set. */
class OpenIdDiscoveryTests extends OrreryIntegrationTest {
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
}
