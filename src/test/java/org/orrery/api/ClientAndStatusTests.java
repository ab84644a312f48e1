package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.WaveTwoXsd;

import tools.jackson.databind.JsonNode;

/** {@code /v3.0/client/{client_id}} on both faces and ORCID's status endpoints (wave-2 spec §3, §4.4). */
class ClientAndStatusTests extends OrreryIntegrationTest {

    private static final String XML = "application/vnd.orcid+xml";

    private static final String JSON = "application/vnd.orcid+json";

    @Test
    void publicApiAnswersAnyClientsNameAndDescriptionOnlyInJsonAndXsdValidXml() {
        HttpResponse<String> json = Http.get(BASE + "/pub/v3.0/client/" + Dance.MEMBER, "Accept", JSON);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"name\":\"Test Member Integration\","
                + "\"description\":\"A member client used by the tests.\"}");
        HttpResponse<String> xml = Http.get(BASE + "/pub/v3.0/client/APP-TEST00000000PUBL", "Accept", XML);
        assertThat(xml.statusCode()).isEqualTo(200);
        WaveTwoXsd.assertValid(WaveTwoXsd.CLIENT, xml.body());
        assertThat(xml.body()).contains("<client:name>Test Public Client</client:name>")
            .contains("<client:description>A public API client.</client:description>")
            .doesNotContain("redirect").doesNotContain("secret").doesNotContain("example.org");
    }

    @Test
    void memberApiNeedsReadPublicAndAnswersTheSame() {
        String token = Http.json(Http.postForm(BASE + "/oauth/token", Map.of("client_id", Dance.OTHER_MEMBER,
                "client_secret", Dance.OTHER_MEMBER_SECRET, "grant_type", "client_credentials", "scope",
                "/read-public"), "Accept", "application/json")).get("access_token").asString();
        HttpResponse<String> answer = Http.get(BASE + "/api/v3.0/client/" + Dance.MEMBER, "Accept", JSON,
                "Authorization", "Bearer " + token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.json(answer).get("name").asString()).isEqualTo("Test Member Integration");
        HttpResponse<String> anonymous = Http.get(BASE + "/api/v3.0/client/" + Dance.MEMBER, "Accept", JSON);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownClientIs404With9016InTheNegotiatedFormat() {
        HttpResponse<String> json = Http.get(BASE + "/pub/v3.0/client/APP-0000000000000000", "Accept", JSON);
        assertThat(json.statusCode()).isEqualTo(404);
        JsonNode error = Http.json(json);
        assertThat(error.get("error-code").asInt()).isEqualTo(9016);
        assertThat(error.get("response-code").asInt()).isEqualTo(404);
        HttpResponse<String> xml = Http.get(BASE + "/pub/v3.0/client/not%20a%20client", "Accept", XML);
        assertThat(xml.statusCode()).isEqualTo(404);
        assertThat(xml.body()).contains("<error:error-code>9016</error:error-code>");
    }

    @Test
    void statusEndpointsAnswerOrcidsBodiesToAnyoneAsJson() {
        for (String path : new String[] { "/api/v3.0/status", "/pub/v3.0/status" }) {
            HttpResponse<String> status = Http.get(BASE + path, "Accept", XML);
            assertThat(status.statusCode()).as(path).isEqualTo(200);
            assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(status.body()).isEqualTo("{\"tomcatUp\":true}");
        }
        for (String path : new String[] { "/api/v3.0/apiStatus", "/pub/v3.0/pubStatus" }) {
            HttpResponse<String> status = Http.get(BASE + path);
            assertThat(status.statusCode()).as(path).isEqualTo(200);
            assertThat(status.body()).isEqualTo("{\"tomcatUp\":true,\"dbConnectionOk\":true,"
                    + "\"readOnlyDbConnectionOk\":true,\"overallOk\":true}");
        }
        assertThat(Http.get(BASE + "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void detailedStatusAnswers500WhenTheDatabaseIsGone() {
        Map<String, String> settings = new HashMap<>();
        int port = freePort();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        try (OrreryNode node = OrreryNode.startFresh(settings)) {
            node.bean(HikariDataSource.class).close();
            for (String path : new String[] { "/api/v3.0/apiStatus", "/pub/v3.0/pubStatus" }) {
                HttpResponse<String> status = Http.get(node.url() + path);
                assertThat(status.statusCode()).as(path).isEqualTo(500);
                assertThat(status.body()).isEqualTo("{\"tomcatUp\":true,\"dbConnectionOk\":false,"
                        + "\"readOnlyDbConnectionOk\":false,\"overallOk\":false}");
            }
            assertThat(Http.get(node.url() + "/pub/v3.0/status").statusCode()).isEqualTo(200);
        }
    }
}
