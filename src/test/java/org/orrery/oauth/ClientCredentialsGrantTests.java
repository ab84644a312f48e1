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

import tools.jackson.databind.JsonNode;

/** Two-legged tokens ({@code grant_type=client_credentials}) with ORCID's scope filtering. */
class ClientCredentialsGrantTests extends OrreryIntegrationTest {

    static final String PUBLIC_CLIENT = "APP-TEST00000000PUBL";

    static final String PUBLIC_SECRET = "test-public-secret-0003";

    @Test
    void readPublicTokenHasNoOrcidAndNoName() {
        HttpResponse<String> response = grant(MEMBER, MEMBER_SECRET, "/read-public");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "expires_in", "scope", "orcid");
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("scope").asString()).isEqualTo("/read-public");
        assertThat(body.get("orcid").isNull()).isTrue();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void twoLeggedTokenReadsAnyRecordsPublicData() {
        String token = Http.json(grant(MEMBER, MEMBER_SECRET, "/read-public")).get("access_token").asString();
        HttpResponse<String> record = Http.get(BASE + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization",
                "Bearer " + token, "Accept", "application/vnd.orcid+json");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(Http.json(record).at("/orcid-identifier/path").asString()).isEqualTo(ADA_ORCID);
    }

    @Test
    void threeLeggedScopesAreSilentlyDropped() {
        HttpResponse<String> response = grant(MEMBER, MEMBER_SECRET, "/read-public /read-limited /activities/update");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("scope").asString()).isEqualTo("/read-public");
    }

    @Test
    void nothingLeftAfterFilteringIsInvalidScopeNone() {
        HttpResponse<String> response = grant(PUBLIC_CLIENT, PUBLIC_SECRET, "/read-limited");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scope (none)\"}");
    }

    @Test
    void publicClientsMayReadPublic() {
        assertThat(grant(PUBLIC_CLIENT, PUBLIC_SECRET, "/read-public").statusCode()).isEqualTo(200);
    }

    @Test
    void aScopeTheClientIsNotConfiguredForIsRefused() {
        HttpResponse<String> response = grant(MEMBER, MEMBER_SECRET, "/webhook");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":\"Invalid scope: /webhook\"}");
    }

    @Test
    void premiumMembersMayHaveWebhookTokens() {
        HttpResponse<String> response = grant("APP-TESTPREMIUM00001", "test-premium-secret-0007", "/webhook /read-public");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("scope").asString().split(" ")).containsExactlyInAnyOrder("/webhook",
                "/read-public");
    }

    @Test
    void unknownScopeAnswers401WithOrcidsMessage() {
        HttpResponse<String> response = grant(MEMBER, MEMBER_SECRET, "/web-hook");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":\"One of the provided"
                + " scopes is not allowed. Please refer to the list of allowed scopes at:"
                + " https://github.com/ORCID/ORCID-Source/tree/master/orcid-model/src/main/resources/record_2.0#scopes."
                + " Provided scopes: /web-hook\"}");
    }

    @Test
    void tokenEndpointAnswersOnTheApiFacesToo() {
        for (String face : new String[] { "/api", "/pub" }) {
            HttpResponse<String> response = Http.postForm(BASE + face + "/oauth/token", Map.of("client_id", MEMBER,
                    "client_secret", MEMBER_SECRET, "grant_type", "client_credentials", "scope", "/read-public"));
            assertThat(response.statusCode()).as(face).isEqualTo(200);
            assertThat(Http.json(response).get("scope").asString()).isEqualTo("/read-public");
        }
    }

    private static HttpResponse<String> grant(String clientId, String secret, String scope) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", scope), "Accept", "application/json");
    }
}
