package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** Reuse of a rotated refresh token after the grace window revokes the whole family. */
class RefreshTokenReuseTests extends OrreryIntegrationTest {

    @Test
    void reusedRefreshTokenAfterTheGraceWindowRevokesTheFamily() throws InterruptedException {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/read-limited");
        String used = first.get("refresh_token").asString();
        JsonNode second = Http.json(refresh(used));
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, second.get("access_token").asString()).statusCode()).isEqualTo(200);

        Thread.sleep(REFRESH_REUSE_GRACE.toMillis() + 500);
        HttpResponse<String> replay = refresh(used);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"Refresh token was already used: every token of this grant has been revoked\"}");
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, second.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(refresh(second.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
