package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.orrery.support.Http;

/** What the notification tests share: the seeded notifying clients, tokens, calls and error checks. */
final class Notifications {

    /** Granted {@code /premium-notification} by the test seed file's {@code scopes}. */
    static final String NOTIFIER = "APP-TESTNOTIFY000001";
    static final String NOTIFIER_SECRET = "test-notify-secret-0008";
    static final String OTHER_NOTIFIER = "APP-TESTNOTIFY000002";
    static final String OTHER_NOTIFIER_SECRET = "test-notify-secret-0009";

    static final String JSON = "application/vnd.orcid+json";
    static final String XML = "application/vnd.orcid+xml";

    private Notifications() {
    }

    static String token(String base, String client, String secret, String scope) {
        HttpResponse<String> response = tokenResponse(base, client, secret, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asString();
    }

    static HttpResponse<String> tokenResponse(String base, String client, String secret, String scope) {
        return Http.postForm(base + "/oauth/token", Map.of("client_id", client, "client_secret", secret,
                "grant_type", "client_credentials", "scope", scope), "Accept", "application/json");
    }

    static String path(String orcid) {
        return "/api/v3.0/" + orcid + "/notification-permission";
    }

    /** A permission notification in ORCID's JSON, from the given client, with one work and one employment. */
    static String json(String clientId, String subject) {
        return json(clientId, subject, "http://127.0.0.1/demo/callback");
    }

    static String json(String clientId, String subject, String redirectUri) {
        return "{\"notification-type\":\"permission\",\"authorization-url\":{\"path\":\"/oauth/authorize?client_id="
                + clientId + "&response_type=code&scope=/activities/update&redirect_uri=" + redirectUri + "\"},"
                + "\"notification-subject\":\"" + subject + "\",\"notification-intro\":\"We found 2 items of yours.\","
                + "\"items\":{\"item\":[{\"item-type\":\"work\",\"item-name\":\"A Really Interesting Article\","
                + "\"external-id\":{\"external-id-type\":\"doi\",\"external-id-value\":\"10.5555/12345\","
                + "\"external-id-relationship\":\"self\"}},{\"item-type\":\"employment\",\"item-name\":"
                + "\"Head of Research at NanoBiologica\"}]}}";
    }

    /** The same in ORCID's XML, with the uri form of the authorization URL (an ORCID host: only path and query count). */
    static String xml(String clientId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><notification:notification"
                + " xmlns:common=\"http://www.orcid.org/ns/common\" xmlns:notification=\"http://www.orcid.org/ns/notification\">"
                + "<notification:notification-type>permission</notification:notification-type>"
                + "<notification:authorization-url><notification:uri>https://orcid.org/oauth/authorize?client_id="
                + clientId + "&amp;response_type=code&amp;scope=/read-limited&amp;redirect_uri=http://127.0.0.1/demo/callback"
                + "</notification:uri></notification:authorization-url>"
                + "<notification:notification-subject>validated affiliations</notification:notification-subject>"
                + "<notification:notification-intro>Intro</notification:notification-intro>"
                + "<notification:items><notification:item><notification:item-type>distinction</notification:item-type>"
                + "<notification:item-name>Honorary member</notification:item-name></notification:item></notification:items>"
                + "<common:created-date>2014-01-01T09:17:56</common:created-date>"
                + "</notification:notification>";
    }

    static HttpResponse<String> get(String base, String path, String token, String accept) {
        return Http.get(base + path, "Authorization", "Bearer " + token, "Accept", accept);
    }

    static HttpResponse<String> send(String base, String method, String path, String token, String type,
            String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", type)
            .header("Content-Type", type)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Posts a notification and answers its put-code. */
    static String create(String base, String orcid, String token, String clientId) {
        return create(base, orcid, token, clientId, "http://127.0.0.1/demo/callback");
    }

    static String create(String base, String orcid, String token, String clientId, String redirectUri) {
        HttpResponse<String> created = send(base, "POST", path(orcid), token, JSON,
                json(clientId, "your works", redirectUri));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void assertError(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (response.body().startsWith("<")) {
            assertThat(response.body()).contains("<error:error-code>" + code + "</error:error-code>");
        }
        else {
            assertThat(Http.json(response).get("error-code").asInt()).as(response.body()).isEqualTo(code);
        }
    }
}
