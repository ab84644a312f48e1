package org.orrery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/** {@code GET /admin/audit-events}: the audit trail for an operator holding the configured operator token. */
class OperatorAuditTests extends OrreryIntegrationTest {

    @Test
    void theOperatorQueriesAResearchersEventsNewestFirst() {
        String orcid;
        String email;
        try (Browser browser = new Browser()) {
            HtmlPage register = browser.openHtml(BASE + "/register");
            email = AccountHistoryTests.fillRegistration(register, "pw-" + UUID.randomUUID());
            orcid = Browser.<HtmlPage>click(register, "register-button").getHtmlElementById("orcid-id")
                .asNormalizedText();
        }
        try (Browser other = new Browser()) {
            Browser.signIn(other.openHtml(BASE + "/signin"), email, "a-wrong-password");
        }

        JsonNode events = events("?orcid=" + orcid);
        List<String> seen = new ArrayList<>();
        long previousId = Long.MAX_VALUE;
        for (JsonNode event : events) {
            seen.add(event.get("type").asString() + " " + event.get("orcid").asString() + " "
                    + event.get("client_id").isNull() + " " + event.get("reason").asString(""));
            assertThat(event.get("address").asString()).matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
            assertThat(Instant.parse(event.get("occurred_at").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(event.get("id").asLong()).isLessThan(previousId);
            previousId = event.get("id").asLong();
        }
        assertThat(seen).containsExactly("SIGN_IN_FAILED " + orcid + " true BAD_CREDENTIALS",
                "REGISTERED " + orcid + " true ");

        JsonNode registrations = events("?orcid=" + orcid + "&type=REGISTERED&since=2020-01-01T00:00:00Z&limit=5");
        assertThat(registrations.size()).isEqualTo(1);
        assertThat(registrations.get(0).get("type").asString()).isEqualTo("REGISTERED");
        assertThat(events("?orcid=" + orcid + "&until=2020-01-01T00:00:00Z").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer not-the-operator-token", "Basic dGVzdA==" })
    void withoutTheOperatorTokenTheAnswerIs401(String authorization) {
        HttpResponse<String> response = authorization.isEmpty() ? Http.get(BASE + "/admin/audit-events")
                : Http.get(BASE + "/admin/audit-events", "Authorization", authorization);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"invalid_token\",\"error_description\":\"The operator token is missing or wrong\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "?limit=0", "?limit=1001", "?limit=many", "?type=NO_SUCH_EVENT", "?since=yesterday" })
    void badCriteriaAnswer400(String query) {
        HttpResponse<String> response = Http.get(BASE + "/admin/audit-events" + query, "Authorization",
                "Bearer " + OPERATOR_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"Use orcid,"
                + " client_id, type (an event type), since and until (ISO-8601 instants) and limit (1-1000)\"}");
    }

    private static JsonNode events(String query) {
        HttpResponse<String> response = Http.get(BASE + "/admin/audit-events" + query, "Authorization",
                "Bearer " + OPERATOR_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Http.json(response).get("events");
    }
}
