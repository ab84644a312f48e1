package org.orrery.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.orrery.clients.ClientRegistration.Application;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A member client's whole life as integrations observe it: locked and deactivated clients are refused at authorize
 * ({@code client_locked} / {@code client_deactivated}), at the token endpoint (400 {@code unauthorized_client}) for
 * every grant, and every token of theirs is refused on every API path family; reactivation brings them back;
 * revoking its tokens ends them for good; extra scopes granted per client work.
 */
class ClientLifecycleTests extends OrreryIntegrationTest {

    private static final String VND_JSON = "application/vnd.orcid+json";

    private static final String ACTOR = "test operator";

    @Autowired
    private ClientLifecycle lifecycle;

    /** Every API path family a member client's tokens reach: member reads and writes, public reads, userinfo. */
    private List<HttpResponse<String>> useEverywhere(String threeLegged, String twoLegged) {
        String work = "{\"title\":{\"title\":{\"value\":\"Lifecycle test\"}},\"type\":\"journal-article\"}";
        return List.of(
                Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/record", "Authorization", "Bearer " + threeLegged,
                        "Accept", VND_JSON),
                Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/works", "Authorization", "Bearer " + threeLegged,
                        "Accept", VND_JSON),
                Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/person", "Authorization", "Bearer " + threeLegged,
                        "Accept", VND_JSON),
                Http.post(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/work", work, "Authorization",
                        "Bearer " + threeLegged, "Content-Type", VND_JSON, "Accept", VND_JSON),
                Http.get(BASE + "/pub/v3.0/" + Dance.ADA_ORCID + "/record", "Authorization", "Bearer " + twoLegged,
                        "Accept", VND_JSON),
                Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/record", "Authorization", "Bearer " + twoLegged,
                        "Accept", VND_JSON),
                Http.get(BASE + "/oauth/userinfo", "Authorization", "Bearer " + threeLegged));
    }

    @Test
    void aLockedOrDeactivatedClientIsRefusedEverywhereUntilReactivated() {
        var registered = this.lifecycle.create(application("Lifecycle Member", ClientType.MEMBER), Set.of(), ACTOR);
        String clientId = registered.client().clientId();
        String secret = registered.clientSecret();
        JsonNode tokens = threeLegged(clientId, secret, "/read-limited /activities/update openid");
        String access = tokens.get("access_token").asString();
        String refresh = tokens.get("refresh_token").asString();
        String twoLegged = Http.json(clientCredentials(clientId, secret, "/read-public")).get("access_token").asString();
        assertThat(useEverywhere(access, twoLegged)).allSatisfy(
                response -> assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isLessThan(300));

        this.lifecycle.lock(clientId, ACTOR);
        assertRefused(clientId, secret, access, twoLegged, refresh, "The client is locked", "client_locked");

        this.lifecycle.reactivate(clientId, ACTOR);
        assertThat(useEverywhere(access, twoLegged)).allSatisfy(
                response -> assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isLessThan(300));
        assertThat(clientCredentials(clientId, secret, "/read-public").statusCode()).isEqualTo(200);

        this.lifecycle.deactivate(clientId, ACTOR);
        assertRefused(clientId, secret, access, twoLegged, refresh, "Client " + clientId + " is deactivated",
                "client_deactivated");

        this.lifecycle.reactivate(clientId, ACTOR);
        assertThat(this.lifecycle.revokeTokens(clientId, ACTOR)).isGreaterThanOrEqualTo(3);
        assertAllRefused(useEverywhere(access, twoLegged));
        assertThat(clientCredentials(clientId, secret, "/read-public").statusCode()).isEqualTo(200);
    }

    /** The API answers 401 for a refused token; userinfo answers ORCID's 403 "access_token is invalid". */
    static void assertAllRefused(List<HttpResponse<String>> responses) {
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode())
            .as(response.uri() + " " + response.body())
            .isEqualTo(response.uri().getPath().endsWith("/userinfo") ? 403 : 401));
    }

    private void assertRefused(String clientId, String secret, String access, String twoLegged, String refresh,
            String tokenMessage, String authorizeError) {
        assertAllRefused(useEverywhere(access, twoLegged));
        for (HttpResponse<String> refused : List.of(clientCredentials(clientId, secret, "/read-public"),
                Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                        "grant_type", "refresh_token", "refresh_token", refresh), "Accept", "application/json"),
                Http.postForm(BASE + "/api/oauth/token", Map.of("grant_type", "client_credentials", "scope",
                        "/read-public"), "Authorization", Http.basic(clientId, secret), "Accept", "application/json"))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(Http.json(refused).get("error").asString()).isEqualTo("unauthorized_client");
            assertThat(Http.json(refused).get("error_description").asString()).isEqualTo(tokenMessage);
        }
        // A wrong secret still answers invalid_client: the state is told only to the client itself.
        assertThat(clientCredentials(clientId, "wrong-secret", "/read-public").statusCode()).isEqualTo(401);
        for (String responseType : List.of("code", "token")) {
            HttpResponse<String> authorize = Http.get(BASE + "/oauth/authorize?client_id=" + clientId
                    + "&response_type=" + responseType + "&scope=/authenticate&redirect_uri="
                    + Dance.redirectUri(PORT));
            assertThat(authorize.statusCode()).isEqualTo(400);
            assertThat(authorize.headers().firstValue("Location")).isEmpty();
            assertThat(authorize.body()).contains(authorizeError);
        }
    }

    @Test
    void anOperatorGrantedExtraScopeCanBeAskedForAndOthersCannot() {
        var premium = this.lifecycle.create(application("Notifier", ClientType.PREMIUM_MEMBER),
                Set.of(Scopes.PREMIUM_NOTIFICATION), ACTOR);
        HttpResponse<String> granted = clientCredentials(premium.client().clientId(), premium.clientSecret(),
                "/premium-notification");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(Http.json(granted).get("scope").asString()).isEqualTo("/premium-notification");

        var plain = this.lifecycle.create(application("Plain", ClientType.MEMBER), Set.of(), ACTOR);
        HttpResponse<String> refused = clientCredentials(plain.client().clientId(), plain.clientSecret(),
                "/premium-notification");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aResearchersOwnPublicClientKeepsWorkingWhileAnotherClientIsLocked() {
        var other = this.lifecycle.create(application("Locked Neighbour", ClientType.MEMBER), Set.of(), ACTOR);
        this.lifecycle.lock(other.client().clientId(), ACTOR);
        HttpResponse<String> publicClient = clientCredentials("APP-TEST00000000PUBL", "test-public-secret-0003",
                "/read-public");
        assertThat(publicClient.statusCode()).isEqualTo(200);
    }

    private static Application application(String name, ClientType type) {
        return new Application(name, "A client of " + ClientLifecycleTests.class.getSimpleName(),
                "https://example.org", List.of("http://127.0.0.1/demo/callback"), type, RedirectUriMatching.EXACT);
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", scope), "Accept", "application/json");
    }

    static JsonNode threeLegged(String clientId, String secret, String scope) {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, clientId, scope, Dance.ADA_EMAIL, Dance.ADA_PASSWORD);
            HttpResponse<String> exchanged = Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId,
                    "client_secret", secret, "grant_type", "authorization_code", "code", code, "redirect_uri",
                    Dance.redirectUri(PORT)), "Accept", "application/json");
            assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
            return Http.json(exchanged);
        }
    }
}
