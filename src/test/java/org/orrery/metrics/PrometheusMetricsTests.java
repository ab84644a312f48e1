package org.orrery.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/**
 * {@code /actuator/prometheus} answers the operator token only, and carries Orrery's own meters (grants, sign-ins,
 * API calls, refusals, outbox depth, records and clients by state) beside the JVM, pool and HTTP meters.
 */
class PrometheusMetricsTests extends OrreryIntegrationTest {

    private static HttpResponse<String> scrape() {
        return Http.get(BASE + "/actuator/prometheus", "Authorization", "Bearer " + OPERATOR_TOKEN);
    }

    @Test
    void metricsNeedTheOperatorToken() {
        assertThat(Http.get(BASE + "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(Http.get(BASE + "/actuator/prometheus", "Authorization", "Bearer wrong-token-wrong-token")
            .statusCode()).isEqualTo(401);
        assertThat(scrape().statusCode()).isEqualTo(200);
    }

    @Test
    void grantsSignInsAndApiCallsAreCountedAndStatesGauged() {
        Http.postForm(BASE + "/oauth/token", Map.of("client_id", Dance.MEMBER, "client_secret", Dance.MEMBER_SECRET,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
        Http.postForm(BASE + "/oauth/token", Map.of("client_id", Dance.MEMBER, "client_secret", Dance.MEMBER_SECRET,
                "grant_type", "refresh_token", "refresh_token", "nope"), "Accept", "application/json");
        Http.get(BASE + "/pub/v3.0/" + Dance.ADA_ORCID + "/record", "Accept", "application/vnd.orcid+json");
        Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/record", "Accept", "application/vnd.orcid+json");
        Http.postForm(BASE + "/signin", Map.of("userId", "nobody@example.org", "password", "wrong-password"));

        String metrics = scrape().body();
        assertThat(metrics)
            .containsPattern("orrery_oauth_grants_total\\{[^}]*grant_type=\"client_credentials\"[^}]*outcome=\"issued\"")
            .containsPattern("orrery_oauth_grants_total\\{[^}]*grant_type=\"refresh_token\"[^}]*outcome=\"refused\"")
            .containsPattern("orrery_api_requests_total\\{[^}]*face=\"public\",kind=\"read\",status=\"200\"")
            .containsPattern("orrery_api_requests_total\\{[^}]*face=\"member\",kind=\"read\",status=\"401\"")
            .containsPattern("orrery_sign_ins_total\\{[^}]*outcome=\"(failed|refused)\"")
            .containsPattern("orrery_records\\{[^}]*state=\"ACTIVE\"[^}]*\\} [1-9]")
            .containsPattern("orrery_clients\\{[^}]*state=\"ACTIVE\"[^}]*\\} [1-9]")
            .containsPattern("orrery_mail_outbox\\{[^}]*status=\"PENDING\"")
            .contains("jvm_memory_used_bytes").contains("hikaricp_connections").contains("http_server_requests_seconds");
    }
}
