package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;

import tools.jackson.databind.JsonNode;

/** {@code grant_type=refresh_token} with ORCID's semantics and rotation with reuse detection. */
class RefreshTokenGrantTests extends OrreryIntegrationTest {

    @Test
    void refreshGivesNewTokensAndRevokesTheParentByDefault() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/read-limited /activities/update");
        HttpResponse<String> refreshed = refresh(MEMBER, MEMBER_SECRET, first.get("refresh_token").asString(), Map.of());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(refreshed);
        assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "refresh_token", "expires_in",
                "scope", "name", "orcid");
        assertThat(body.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(body.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("/read-limited",
                "/activities/update");
        assertThat(body.get("orcid").asString()).isEqualTo(ADA_ORCID);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, first.get("access_token").asString()).statusCode()).isEqualTo(401);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, body.get("access_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void revokeOldFalseKeepsTheParentWorking() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/read-limited");
        HttpResponse<String> refreshed = refresh(MEMBER, MEMBER_SECRET, first.get("refresh_token").asString(),
                Map.of("revoke_old", "false"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, first.get("access_token").asString()).statusCode()).isEqualTo(200);
        assertThat(Tokens.readRecord(BASE, ADA_ORCID, Http.json(refreshed).get("access_token").asString()).statusCode())
            .isEqualTo(200);
    }

    @Test
    void narrowerScopeIsGrantedAndKeptByTheNextRefresh() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/read-limited /activities/update");
        JsonNode narrowed = Http.json(refresh(MEMBER, MEMBER_SECRET, first.get("refresh_token").asString(),
                Map.of("scope", "/read-limited")));
        assertThat(narrowed.get("scope").asString()).isEqualTo("/read-limited");
        JsonNode again = Http.json(refresh(MEMBER, MEMBER_SECRET, narrowed.get("refresh_token").asString(), Map.of()));
        assertThat(again.get("scope").asString()).isEqualTo("/read-limited");
    }

    @Test
    void scopeOutsideTheParentIsRefused() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/authenticate");
        HttpResponse<String> response = refresh(MEMBER, MEMBER_SECRET, first.get("refresh_token").asString(),
                Map.of("scope", "/activities/update"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":"
                + "\"The given scope '/activities/update' is not allowed for the parent token\"}");
    }

    @Test
    void expiresInShortensTheLifetimeButCannotExtendIt() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/authenticate");
        JsonNode shorter = Http.json(refresh(MEMBER, MEMBER_SECRET, first.get("refresh_token").asString(),
                Map.of("expires_in", "3600")));
        assertThat(shorter.get("expires_in").asLong()).isBetween(3590L, 3600L);
        HttpResponse<String> longer = refresh(MEMBER, MEMBER_SECRET, shorter.get("refresh_token").asString(),
                Map.of("expires_in", "7200"));
        assertThat(longer.statusCode()).isEqualTo(400);
        assertThat(Http.json(longer).get("error").asString()).isEqualTo("invalid_request");
        assertThat(Http.json(longer).get("error_description").asString()).startsWith("Token expiration can't be after ");
        HttpResponse<String> notNumber = refresh(MEMBER, MEMBER_SECRET, shorter.get("refresh_token").asString(),
                Map.of("expires_in", "soon"));
        assertThat(notNumber.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"soon is not a number\"}");
    }

    @Test
    void anotherClientsRefreshTokenIsRefusedAsInvalidGrantPerRfc6749Section5_2() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/authenticate");
        HttpResponse<String> response = refresh(OTHER_MEMBER, OTHER_MEMBER_SECRET, first.get("refresh_token").asString(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"This token does not belong to the given client\"}");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        HttpResponse<String> response = refresh(MEMBER, MEMBER_SECRET, "00000000-0000-0000-0000-000000000000", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Unable to find refresh token\"}");
    }

    @Test
    void refreshWithHttpBasicWorks() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/authenticate");
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", first.get("refresh_token").asString()),
                "Authorization", Http.basic(MEMBER, MEMBER_SECRET));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentRefreshWithinTheGraceWindowBothSucceed() {
        JsonNode first = Tokens.threeLegged(BASE, PORT, "/authenticate");
        String refreshToken = first.get("refresh_token").asString();
        HttpResponse<String> one = refresh(MEMBER, MEMBER_SECRET, refreshToken, Map.of());
        HttpResponse<String> two = refresh(MEMBER, MEMBER_SECRET, refreshToken, Map.of());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(two.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> refresh(String clientId, String secret, String refreshToken,
            Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "refresh_token", "refresh_token", refreshToken));
        form.putAll(extra);
        return Http.postForm(BASE + "/oauth/token", form, "Accept", "application/json");
    }
}
