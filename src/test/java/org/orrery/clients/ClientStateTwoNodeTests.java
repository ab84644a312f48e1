package org.orrery.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.orrery.clients.ClientRegistration.Application;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deactivation made through one node holds on another node at once, although that node keeps the client's
 * settings in its cache for up to five seconds: the state is never taken from the cache.
 */
class ClientStateTwoNodeTests extends OrreryIntegrationTest {

    @Autowired
    private ClientLifecycle lifecycle;

    @Test
    void aClientDeactivatedThroughOneNodeIsRefusedByTheOtherAtOnce() {
        var registered = this.lifecycle.create(new Application("Two Node Member", "Deactivated on node A",
                null, List.of("http://127.0.0.1/demo/callback"), ClientType.MEMBER, RedirectUriMatching.EXACT),
                Set.of(), "test");
        String clientId = registered.client().clientId();
        try (OrreryNode nodeB = OrreryNode.start(Map.of("server.port", String.valueOf(freePort()), "orrery.base-url",
                BASE, "spring.datasource.url", DATASOURCE_URL, "spring.datasource.username", DATASOURCE_USERNAME,
                "spring.datasource.password", DATASOURCE_PASSWORD, "orrery.seed-file", testSeedFile(),
                "orrery.rate-limit.enabled", "false"))) {
            // Node B has the client in its cache and a working token of it.
            HttpResponse<String> before = clientCredentials(nodeB.url(), clientId, registered.clientSecret());
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            String token = Http.json(before).get("access_token").asString();
            assertThat(read(nodeB.url(), token).statusCode()).isEqualTo(200);

            this.lifecycle.deactivate(clientId, "test"); // through node A (this test's server)

            HttpResponse<String> after = clientCredentials(nodeB.url(), clientId, registered.clientSecret());
            assertThat(after.statusCode()).isEqualTo(400);
            assertThat(Http.json(after).get("error_description").asString())
                .isEqualTo("Client " + clientId + " is deactivated");
            assertThat(read(nodeB.url(), token).statusCode()).isEqualTo(401);
            HttpResponse<String> authorize = Http.get(nodeB.url() + "/oauth/authorize?client_id=" + clientId
                    + "&response_type=code&scope=/authenticate&redirect_uri=http://127.0.0.1/demo/callback");
            assertThat(authorize.statusCode()).isEqualTo(400);
            assertThat(authorize.body()).contains("client_deactivated");

            this.lifecycle.reactivate(clientId, "test");
            assertThat(read(nodeB.url(), token).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> clientCredentials(String url, String clientId, String secret) {
        return Http.postForm(url + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }

    private static HttpResponse<String> read(String url, String token) {
        return Http.get(url + "/pub/v3.0/0000-0002-1694-233X/record", "Authorization", "Bearer " + token, "Accept",
                "application/vnd.orcid+json");
    }
}
