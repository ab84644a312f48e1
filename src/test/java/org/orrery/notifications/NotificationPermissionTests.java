package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.notifications.Notifications.JSON;
import static org.orrery.notifications.Notifications.NOTIFIER;
import static org.orrery.notifications.Notifications.NOTIFIER_SECRET;
import static org.orrery.notifications.Notifications.OTHER_NOTIFIER;
import static org.orrery.notifications.Notifications.OTHER_NOTIFIER_SECRET;
import static org.orrery.notifications.Notifications.XML;
import static org.orrery.notifications.Notifications.assertError;
import static org.orrery.notifications.Notifications.create;
import static org.orrery.notifications.Notifications.get;
import static org.orrery.notifications.Notifications.path;
import static org.orrery.notifications.Notifications.send;

import java.net.http.HttpResponse;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.WaveTwoXsd;

import tools.jackson.databind.JsonNode;

/** {@code /v3.0/{orcid}/notification-permission} (wave-2 spec §4.1): every call and every error code. */
class NotificationPermissionTests extends OrreryIntegrationTest {

    @Test
    void aGrantedClientCreatesListsReadsAndArchivesItsPermissionNotifications() {
        String orcid = researcher().orcid();
        String token = Notifications.token(BASE, NOTIFIER, NOTIFIER_SECRET, "/premium-notification");
        HttpResponse<String> created = send(BASE, "POST", path(orcid), token, JSON,
                Notifications.json(NOTIFIER, "your recent publications"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(java.util.regex.Pattern.quote(BASE + path(orcid) + "/") + "\\d+");
        String putCode = location.substring(location.lastIndexOf('/') + 1);

        JsonNode read = Http.json(get(BASE, path(orcid) + "/" + putCode, token, JSON));
        assertThat(read.get("put-code").asString()).isEqualTo(putCode);
        assertThat(read.get("notification-type").asString()).isEqualTo("permission");
        assertThat(read.get("authorization-url").get("path").asString()).startsWith("/oauth/authorize?client_id="
                + NOTIFIER + "&response_type=code");
        assertThat(read.get("authorization-url").get("uri").asString()).isEqualTo(BASE
                + read.get("authorization-url").get("path").asString());
        assertThat(read.get("notification-subject").asString()).isEqualTo("your recent publications");
        assertThat(read.get("items").get("item")).hasSize(2);
        assertThat(read.get("items").get("item").get(0).get("external-id").get("external-id-value").asString())
            .isEqualTo("10.5555/12345");
        assertThat(read.get("created-date").isNumber()).isTrue();
        assertThat(read.get("read-date").isNull()).isTrue();
        assertThat(read.get("archived-date").isNull()).isTrue();
        assertThat(read.get("source").get("source-client-id").get("path").asString()).isEqualTo(NOTIFIER);
        String xml = get(BASE, path(orcid) + "/" + putCode, token, XML).body();
        WaveTwoXsd.assertValid(WaveTwoXsd.NOTIFICATION_PERMISSION, xml);
        assertThat(xml).contains("<common:path>" + NOTIFIER + "</common:path>")
            .contains("<common:source-name>Notifying Member Integration</common:source-name>");

        // XML in, with ORCID's uri form: only its path and query are kept; posted dates are ignored
        HttpResponse<String> fromXml = send(BASE, "POST", path(orcid), token, XML, Notifications.xml(NOTIFIER));
        assertThat(fromXml.statusCode()).as(fromXml.body()).isEqualTo(201);
        String xmlPutCode = fromXml.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        JsonNode second = Http.json(get(BASE, path(orcid) + "/" + xmlPutCode, token, JSON));
        assertThat(second.get("authorization-url").get("uri").asString()).startsWith(BASE + "/oauth/authorize?client_id=");
        assertThat(second.get("created-date").asLong()).isGreaterThan(1_700_000_000_000L);

        // the list holds this client's notifications only
        String otherToken = Notifications.token(BASE, OTHER_NOTIFIER, OTHER_NOTIFIER_SECRET, "/premium-notification");
        create(BASE, orcid, otherToken, OTHER_NOTIFIER);
        JsonNode list = Http.json(get(BASE, path(orcid), token, JSON));
        assertThat(list.get("notification")).hasSize(2);
        assertThat(list.get("notification").get(0).get("put-code").asString()).isEqualTo(putCode);
        String listXml = get(BASE, path(orcid), token, XML).body();
        assertThat(listXml).contains("<notification:notifications ");
        WaveTwoXsd.assertValid(WaveTwoXsd.NOTIFICATION_PERMISSION, listXml);
        assertThat(Http.json(get(BASE, path(orcid), otherToken, JSON)).get("notification")).hasSize(1);

        // DELETE archives, and answers the notification
        HttpResponse<String> archived = send(BASE, "DELETE", path(orcid) + "/" + putCode, token, XML, null);
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        WaveTwoXsd.assertValid(WaveTwoXsd.NOTIFICATION_PERMISSION, archived.body());
        assertThat(archived.body()).contains("<common:archived-date>");
        JsonNode after = Http.json(get(BASE, path(orcid) + "/" + putCode, token, JSON));
        assertThat(after.get("archived-date").isNumber()).isTrue();
        assertThat(Http.json(get(BASE, path(orcid), token, JSON)).get("notification")).hasSize(2);
    }

    @Test
    void theScopeIsGrantedPerClientAndAskedForWithClientCredentials() {
        String orcid = researcher().orcid();
        HttpResponse<String> refused = Notifications.tokenResponse(BASE, Dance.MEMBER, Dance.MEMBER_SECRET,
                "/premium-notification");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Http.json(refused).get("error").asString()).isEqualTo("invalid_scope");
        String readPublic = Notifications.token(BASE, NOTIFIER, NOTIFIER_SECRET, "/read-public");
        assertError(send(BASE, "POST", path(orcid), readPublic, JSON, Notifications.json(NOTIFIER, "x")), 403, 9038);
        assertError(get(BASE, path(orcid), readPublic, JSON), 403, 9038);
        assertError(get(BASE, path(orcid) + "/1", readPublic, XML), 403, 9038);
        assertError(send(BASE, "DELETE", path(orcid) + "/1", readPublic, JSON, null), 403, 9038);
        String publicClient = Notifications.token(BASE, "APP-TEST00000000PUBL", "test-public-secret-0003",
                "/read-public");
        assertError(get(BASE, path(orcid), publicClient, JSON), 401, 9017);
    }

    @Test
    void refusalsCarryOrcidsCodesAndBodies() {
        NewResearcherWithBrowser owner = researcherWithBrowser();
        String orcid = owner.researcher().orcid();
        String token = Notifications.token(BASE, NOTIFIER, NOTIFIER_SECRET, "/premium-notification");
        String otherToken = Notifications.token(BASE, OTHER_NOTIFIER, OTHER_NOTIFIER_SECRET, "/premium-notification");
        String putCode = create(BASE, orcid, token, NOTIFIER);

        HttpResponse<String> missing = get(BASE, path(orcid) + "/999999999", token, JSON);
        assertError(missing, 404, 9029);
        assertThat(Http.json(missing).get("developer-message").asString())
            .contains("Could not find notification with id: 999999999 for ORCID: " + orcid);
        assertError(send(BASE, "DELETE", path(orcid) + "/999999999", token, JSON, null), 404, 9029);
        HttpResponse<String> notYours = get(BASE, path(orcid) + "/" + putCode, otherToken, JSON);
        assertError(notYours, 403, 9004);
        assertThat(Http.json(notYours).get("developer-message").asString())
            .contains("This notification does not belong to " + OTHER_NOTIFIER);
        assertError(send(BASE, "DELETE", path(orcid) + "/" + putCode, otherToken, XML, null), 403, 9010);
        assertError(get(BASE, path(orcid) + "/abc", token, JSON), 400, 9034);
        assertError(send(BASE, "POST", path("0000-0001-0000-000X"), token, JSON, Notifications.json(NOTIFIER, "x")),
                404, 9016);

        String body = Notifications.json(NOTIFIER, "x");
        assertError(send(BASE, "POST", path(orcid), token, JSON, "{\"put-code\":12," + body.substring(1)), 400, 9006);
        assertError(send(BASE, "POST", path(orcid), token, JSON, body.replace("/oauth/authorize?", "/oauth/authorize ?")),
                400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, body.replace("/oauth/authorize?", "/elsewhere?")),
                400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, Notifications.json(OTHER_NOTIFIER, "x")), 400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, body.replace("\"work\"", "\"spaceship\"")), 400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, body.replaceAll("\"items\":.*", "\"items\":{}}")),
                400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, body.replace("We found 2 items of yours.",
                "x".repeat(1001))), 400, 9020);
        assertError(send(BASE, "POST", path(orcid), token, JSON, "{not json"), 400, 9001);
        assertError(send(BASE, "POST", path(orcid), token, XML, "<work:work xmlns:work=\"http://www.orcid.org/ns/work\"/>"),
                400, 9001);

        // once the researcher has read it, its sender can no longer archive it
        HtmlPage inbox = owner.browser().openHtml(BASE + "/inbox");
        Browser.click(inbox, "read-" + putCode);
        assertError(send(BASE, "DELETE", path(orcid) + "/" + putCode, token, JSON, null), 403, 9009);
        assertThat(Http.json(get(BASE, path(orcid) + "/" + putCode, token, JSON)).get("read-date").isNumber()).isTrue();
        owner.browser().close();
    }

    record NewResearcherWithBrowser(NewResearcher researcher, Browser browser) {
    }

    private static NewResearcherWithBrowser researcherWithBrowser() {
        Browser browser = new Browser();
        return new NewResearcherWithBrowser(NewResearcher.register(browser, BASE, "Nora", "Notified"), browser);
    }

    private static NewResearcher researcher() {
        try (Browser browser = new Browser()) {
            return NewResearcher.register(browser, BASE, "Nina", "Notified");
        }
    }
}
