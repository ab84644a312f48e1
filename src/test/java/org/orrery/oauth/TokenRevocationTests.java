package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** {@code POST /oauth/revoke} (RFC 7009) with ORCID's answers. */
class TokenRevocationTests extends OrreryIntegrationTest {

    @Test
    void revokingTheAccessTokenAlsoRevokesItsRefreshToken() {
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/read-limited");
        HttpResponse<String> revoked = revoke(MEMBER, MEMBER_SECRET, tokens.get("access_token").asString());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(refresh(tokens.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void revokingTheRefreshTokenAlsoRevokesItsAccessToken() {
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/read-limited");
        assertThat(revoke(MEMBER, MEMBER_SECRET, tokens.get("refresh_token").asString()).statusCode()).isEqualTo(200);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherClientsTokenIsAnsweredLikeAnyOtherButLeftWorking() {
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/read-limited");
        HttpResponse<String> response = revoke(OTHER_MEMBER, OTHER_MEMBER_SECRET, tokens.get("access_token").asString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, tokens.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAndAlreadyRevokedTokensAnswer200() {
        assertThat(revoke(MEMBER, MEMBER_SECRET, "not-a-token").statusCode()).isEqualTo(200);
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/authenticate");
        assertThat(revoke(MEMBER, MEMBER_SECRET, tokens.get("access_token").asString()).statusCode()).isEqualTo(200);
        assertThat(revoke(MEMBER, MEMBER_SECRET, tokens.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void credentialsInTheFormWorkAsWellAsBasic() {
        JsonNode tokens = Tokens.threeLegged(BASE, PORT, "/read-limited");
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/revoke", Map.of("client_id", MEMBER,
                "client_secret", MEMBER_SECRET, "token", tokens.get("access_token").asString()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void badCredentialsAnswer401() {
        HttpResponse<String> response = revoke(MEMBER, "wrong-secret", "whatever");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
    }

    @Test
    void missingTokenAnswersInvalidRequest() {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/revoke", Map.of(), "Authorization",
                Http.basic(MEMBER, MEMBER_SECRET));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"invalid_request\",\"error_description\":\"Please provide the token to be param\"}");
    }

    private static HttpResponse<String> revoke(String clientId, String secret, String token) {
        return Http.postForm(BASE + "/oauth/revoke", Map.of("token", token), "Authorization", Http.basic(clientId, secret));
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
