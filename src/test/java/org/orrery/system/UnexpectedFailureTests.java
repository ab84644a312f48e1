package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.OrreryNode;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.zaxxer.hikari.HikariDataSource;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Security rule 13: when the database goes away under a running Orrery of its own, every face answers a generic
 * error in its own format with an incident id, the log repeats the id with the cause, and no answer carries a
 * stack trace, SQL or a class name.
 */
@ExtendWith(OutputCaptureExtension.class)
@OwnEmbeddedDatabase
class UnexpectedFailureTests {

    private static final Pattern INCIDENT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static OrreryNode node;

    private static Browser signedIn;

    @BeforeAll
    static void startThenLoseTheDatabase() {
        node = OrreryNode.startFresh(Map.of());
        signedIn = new Browser();
        HtmlPage record = Browser.signIn(signedIn.openHtml(base() + "/signin"), ADA_EMAIL, ADA_PASSWORD);
        assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        node.bean(HikariDataSource.class).close();
    }

    @AfterAll
    static void stop() {
        if (signedIn != null) {
            signedIn.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void apiAnswersOrcidsErrorBodyWithTheIncidentTheLogRepeats(CapturedOutput log) {
        HttpResponse<String> response = Http.get(base() + "/pub/v3.0/" + ADA_ORCID + "/record", "Accept",
                "application/vnd.orcid+json");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.orcid+json;charset=UTF-8");
        String incident = incidentIn(response.body());
        assertThat(response.body()).isEqualTo("{\"response-code\":500,\"developer-message\":\"500 Internal Server Error:"
                + " Something went wrong. Full validation error: Incident " + incident + "\",\"user-message\":\"Something"
                + " went wrong in ORCID.\",\"error-code\":9008,\"more-info\":"
                + "\"https://members.orcid.org/api/resources/troubleshooting\"}");
        assertLogged(log, incident, "GET /pub/v3.0/" + ADA_ORCID + "/record");
    }

    @Test
    void tokenEndpointAnswersAnOAuthServerErrorWithTheIncidentTheLogRepeats(CapturedOutput log) {
        HttpResponse<String> response = Http.postForm(base() + "/oauth/token", Map.of("client_id", MEMBER,
                "client_secret", MEMBER_SECRET, "grant_type", "client_credentials", "scope", "/read-public"), "Accept",
                "application/json");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String incident = incidentIn(response.body());
        assertThat(response.body()).isEqualTo("{\"error\":\"server_error\",\"error_description\":\"Something went"
                + " wrong. Incident " + incident + "\"}");
        assertLogged(log, incident, "POST /oauth/token");
    }

    @Test
    void aPageAnswersTheErrorPageWithTheIncidentTheLogRepeats(CapturedOutput log) {
        HtmlPage page = signedIn.openHtml(base() + "/my-orcid");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(500);
        assertThat(page.getWebResponse().getContentType()).isEqualTo("text/html");
        assertThat(page.getWebResponse().getResponseHeaderValue("X-Frame-Options")).isEqualTo("DENY");
        String incident = page.getHtmlElementById("incident").asNormalizedText();
        assertThat(page.getTitleText()).isEqualTo("Error · Orrery");
        assertThat(page.getElementsByTagName("main").get(0).asNormalizedText()).isEqualTo("Something went wrong\n"
                + "The request could not be completed (500). Please try again.\n"
                + "If it keeps happening, tell the registry's operator this error id: " + incident + "\n"
                + "Back to the front page");
        assertNoInternals(page.getWebResponse().getContentAsString());
        assertLogged(log, incident, "GET /my-orcid");
    }

    private static String incidentIn(String body) {
        assertNoInternals(body);
        Matcher matcher = INCIDENT.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group();
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "SQL", "org.", "java.", "\tat ", "Hikari", "jdbc");
    }

    private static void assertLogged(CapturedOutput log, String incident, String request) {
        assertThat(log.getOut()).contains("Unexpected failure, incident " + incident + " on " + request);
        String after = log.getOut().substring(log.getOut().indexOf(incident));
        assertThat(after).as("the cause follows the id in the log").contains("HikariDataSource", "has been closed");
    }

    private static String base() {
        return "http://127.0.0.1:" + node.port();
    }
}
