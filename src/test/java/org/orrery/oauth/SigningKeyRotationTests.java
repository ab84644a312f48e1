package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;

/** Key rotation: a new key is published before it signs, and the old one stays published meanwhile. */
class SigningKeyRotationTests extends OrreryIntegrationTest {

    @Autowired
    SigningKeys keys;

    @Test
    void aRotatedKeyIsPublishedBeforeItSignsAndThenSigns() throws Exception {
        String signingBefore = kidOfNewIdToken();
        String upcoming = this.keys.rotate(Instant.now().plus(Duration.ofHours(1)));

        JWKSet published = JWKSet.parse(Http.get(BASE + "/oauth/jwks").body());
        assertThat(published.getKeyByKeyId(upcoming)).isNotNull();
        assertThat(published.getKeyByKeyId(signingBefore)).isNotNull();
        assertThat(kidOfNewIdToken()).isEqualTo(signingBefore);

        String active = this.keys.rotate(Instant.now().minusSeconds(1));
        assertThat(kidOfNewIdToken()).isEqualTo(active);
        JWKSet after = JWKSet.parse(Http.get(BASE + "/oauth/jwks").body());
        assertThat(after.getKeyByKeyId(signingBefore)).as("old key kept until its tokens expire").isNotNull();
    }

    @Test
    void aFreshRegistryWhoseFirstRotationCheckComesBeforeAnyIdTokenSignsAtOnce() throws Exception {
        try (OrreryNode node = OrreryNode.startFresh(Map.of())) {
            String base = "http://127.0.0.1:" + node.port();
            node.bean(SigningKeyRotation.class).rotateWhenDue();
            String idToken = Tokens.threeLegged(base, node.port(), "openid /read-limited").get("id_token")
                .asString();
            SignedJWT signed = SignedJWT.parse(idToken);
            JWKSet published = JWKSet.parse(Http.get(base + "/oauth/jwks").body());
            RSAKey key = (RSAKey) published.getKeyByKeyId(signed.getHeader().getKeyID());
            assertThat(key).isNotNull();
            assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
        }
    }

    private static String kidOfNewIdToken() throws Exception {
        return SignedJWT.parse(Tokens.threeLegged(BASE, PORT, "openid /read-limited").get("id_token").asString())
            .getHeader()
            .getKeyID();
    }
}
