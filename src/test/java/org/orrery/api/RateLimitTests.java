package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryNode;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Security rule 10: rate limits on the API and the token endpoint, per client or, without a token, per source
 * address. An Orrery of its own with a small configured limit (one request every two seconds, bursts of 3) so a
 * burst is quick to exhaust; past it, 503 in the endpoint's error format with {@code Retry-After}, and after
 * that wait the caller is served again.
 */
@OwnEmbeddedDatabase
class RateLimitTests {

    private static final String PUBLIC_CLIENT = "APP-TEST00000000PUBL";

    private static final String PUBLIC_SECRET = "test-public-secret-0003";

    private static final int BURST = 3;

    private static final double PER_SECOND = 0.5;

    private static OrreryNode node;

    @BeforeAll
    static void start() {
        node = OrreryNode.startFresh(Map.of("orrery.rate-limit.public-client.per-second", String.valueOf(PER_SECOND),
                "orrery.rate-limit.public-client.burst", String.valueOf(BURST), "orrery.rate-limit.member.per-second",
                String.valueOf(PER_SECOND), "orrery.rate-limit.member.burst", String.valueOf(BURST)));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anonymousCallsPastTheBurstAnswer503WithOrcidsErrorBodyThenRecover() throws InterruptedException {
        Supplier<HttpResponse<String>> read = () -> Http.get(base() + "/pub/v3.0/" + ADA_ORCID + "/record", "Accept",
                "application/vnd.orcid+json");
        HttpResponse<String> refused = burstUntilRefused(read);
        long wait = retryAfter(refused);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/vnd.orcid+json;charset=UTF-8");
        assertThat(refused.body()).isEqualTo("{\"response-code\":503,\"developer-message\":\"503 Service Unavailable:"
                + " Too many requests. Full validation error: A caller without a token may make 0.5 requests per second"
                + " with bursts of 3 from one address; retry after " + wait + (wait == 1 ? " second." : " seconds.")
                + "\",\"user-message\":\"Too many requests. Please slow down and try again in a moment.\","
                + "\"error-code\":9000,\"more-info\":\"https://members.orcid.org/api/resources/troubleshooting\"}");

        Thread.sleep(wait * 1000);
        assertThat(read.get().statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberClientIsLimitedByItsOwnAllowanceNotByItsAddress() {
        String member = readPublicToken(MEMBER, MEMBER_SECRET);
        String other = readPublicToken(OTHER_MEMBER, OTHER_MEMBER_SECRET);

        HttpResponse<String> refused = burstUntilRefused(() -> readRecord(member));
        long wait = retryAfter(refused);
        assertThat(Http.json(refused).get("developer-message").asString()).isEqualTo("503 Service Unavailable: Too"
                + " many requests. Full validation error: The client " + MEMBER + " may make 0.5 requests per second"
                + " with bursts of 3; retry after " + wait + (wait == 1 ? " second." : " seconds."));
        assertThat(Http.json(refused).get("response-code").asInt()).isEqualTo(503);

        HttpResponse<String> otherClient = readRecord(other);
        assertThat(otherClient.statusCode()).as("same address, another client").isEqualTo(200);
    }

    @Test
    void tokenEndpointPastTheBurstAnswers503WithAnOAuthErrorThenRecovers() throws InterruptedException {
        for (int i = 0; i < 2 * BURST; i++) {
            assertThat(clientCredentials(PUBLIC_CLIENT, "not-the-secret").statusCode())
                .as("naming a client without its secret spends none of its allowance")
                .isEqualTo(401);
        }
        HttpResponse<String> refused = burstUntilRefused(() -> clientCredentials(PUBLIC_CLIENT, PUBLIC_SECRET));
        long wait = retryAfter(refused);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(refused.body()).isEqualTo("{\"error\":\"temporarily_unavailable\",\"error_description\":\"Too many"
                + " requests: the client " + PUBLIC_CLIENT + " may make 0.5 requests per second with bursts of 3 to the"
                + " token endpoint; retry after " + wait + (wait == 1 ? " second." : " seconds.") + "\"}");

        Thread.sleep(wait * 1000);
        HttpResponse<String> again = clientCredentials(PUBLIC_CLIENT, PUBLIC_SECRET);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).get("scope").asString()).isEqualTo("/read-public");
    }

    /**
     * Sends requests until one is refused, and checks the burst was served in full and no more than the burst and
     * the refill over the time it took; returns the refusal.
     */
    private static HttpResponse<String> burstUntilRefused(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 503) {
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(served).as("served before the first refusal").isGreaterThanOrEqualTo(BURST)
                    .isLessThanOrEqualTo(BURST + (int) Math.ceil(seconds * PER_SECOND));
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            served++;
        }
        throw new AssertionError("50 requests in a row were served");
    }

    private static long retryAfter(HttpResponse<String> refused) {
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, (long) Math.ceil(1 / PER_SECOND));
        return wait;
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return Http.postForm(base() + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }

    private static String readPublicToken(String clientId, String secret) {
        HttpResponse<String> token = clientCredentials(clientId, secret);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Http.json(token).get("access_token").asString();
    }

    private static HttpResponse<String> readRecord(String token) {
        return Http.get(base() + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization", "Bearer " + token, "Accept",
                "application/vnd.orcid+json");
    }

    private static String base() {
        return "http://127.0.0.1:" + node.port();
    }
}
