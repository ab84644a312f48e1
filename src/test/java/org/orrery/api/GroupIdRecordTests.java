package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;
import org.orrery.support.WaveTwoXsd;

import tools.jackson.databind.JsonNode;

/** {@code /v3.0/group-id-record} and peer reviews' groups (wave-2 spec §2), every call and error code. */
class GroupIdRecordTests extends OrreryIntegrationTest {

    private static final String PATH = "/api/v3.0/group-id-record";

    private static final String JSON = "application/vnd.orcid+json";

    private static final String XML = "application/vnd.orcid+xml";

    @Test
    void aClientCreatesReadsListsFindsUpdatesAndDeletesAGroup() {
        String token = groupToken(Dance.MEMBER, Dance.MEMBER_SECRET, "/group-id-record/update");
        String groupId = "orcid-generated:" + unique();
        HttpResponse<String> created = send("POST", PATH, token, body(groupId, "Journal of Tests", null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(BASE + PATH + "/");
        String putCode = location.substring(location.lastIndexOf('/') + 1);

        JsonNode read = Http.json(get(PATH + "/" + putCode, token, JSON));
        assertThat(read.propertyNames()).containsExactly("name", "group-id", "description", "type", "put-code");
        assertThat(read.get("group-id").asString()).isEqualTo(groupId);
        String xml = get(PATH + "/" + putCode, token, XML).body();
        WaveTwoXsd.assertValid(WaveTwoXsd.GROUP_ID, xml);
        assertThat(xml).contains("<common:path>" + Dance.MEMBER + "</common:path>");

        JsonNode byGroupId = Http.json(get(PATH + "?group-id=" + groupId.toUpperCase(), token, JSON));
        assertThat(byGroupId.get("put-code").asString()).isEqualTo(putCode);
        JsonNode byName = Http.json(get(PATH + "?name=journal%20of%20TESTS", token, JSON));
        assertThat(byName.get("put-code").asString()).isEqualTo(putCode);
        // ORCID's answer to a look-up that finds nothing: 200 with an empty record (which no XSD could accept)
        HttpResponse<String> none = get(PATH + "?name=no-such-group-" + unique(), token, XML);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).endsWith("<group-id:group-id-record xmlns:group-id=\"http://www.orcid.org/ns/group-id\">"
                + "</group-id:group-id-record>");

        JsonNode page = Http.json(get(PATH + "?page-size=1000&page=1", token, JSON));
        assertThat(page.propertyNames()).containsExactly("last-modified-date", "total", "page", "page-size",
                "group-id-record");
        assertThat(page.get("total").asInt()).isEqualTo(page.get("group-id-record").size());
        assertThat(page.get("page-size").asInt()).isEqualTo(1000);
        String listXml = get(PATH + "?page-size=2", token, XML).body();
        assertThat(listXml).contains("<group-id:group-id ");
        // ORCID's root is group-id:group-id; its content is the XSD's group-id-records
        int end = listXml.lastIndexOf("</group-id:group-id>");
        WaveTwoXsd.assertValid(WaveTwoXsd.GROUP_ID, listXml.substring(0, end)
            .replace("<group-id:group-id ", "<group-id:group-id-records ") + "</group-id:group-id-records>");

        HttpResponse<String> updated = send("PUT", PATH + "/" + putCode, token,
                body(groupId, "Journal of Renamed Tests", putCode));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Http.json(updated).get("name").asString()).isEqualTo("Journal of Renamed Tests");

        assertThat(send("DELETE", PATH + "/" + putCode, token, null).statusCode()).isEqualTo(204);
        assertError(get(PATH + "/" + putCode, token, JSON), 400, 9026);
    }

    @Test
    void refusalsCarryOrcidsCodes() {
        String token = groupToken(Dance.MEMBER, Dance.MEMBER_SECRET, "/group-id-record/update");
        String other = groupToken(Dance.OTHER_MEMBER, Dance.OTHER_MEMBER_SECRET, "/group-id-record/update");
        String readPublic = groupToken(Dance.MEMBER, Dance.MEMBER_SECRET, "/read-public");
        String readOnly = groupToken(Dance.MEMBER, Dance.MEMBER_SECRET, "/group-id-record/read");
        String groupId = "ringgold:" + unique();
        assertError(get(PATH, readPublic, JSON), 403, 9038);
        assertError(send("POST", PATH, readOnly, body(groupId, "G", null)), 403, 9038);
        assertError(send("POST", PATH, token, body(groupId, "G", "12")), 400, 9024);
        assertError(send("POST", PATH, token, body("nope:" + unique(), "G", null)), 400, 9020);
        assertError(get(PATH + "?page=zero", token, JSON), 400, 9020);
        HttpResponse<String> created = send("POST", PATH, token, body(groupId, "G", null));
        String location = created.headers().firstValue("Location").orElseThrow();
        String putCode = location.substring(location.lastIndexOf('/') + 1);
        assertError(send("POST", PATH, other, body("ringgold:" + groupId.substring(9).toUpperCase(), "G2", null)), 409, 9025);
        assertError(send("PUT", PATH + "/" + putCode, other, body(groupId, "Mine now", putCode)), 403, 9010);
        assertError(send("DELETE", PATH + "/" + putCode, other, null), 403, 9010);
        assertError(send("PUT", PATH + "/" + putCode, token, body(groupId, "G", "999999998")), 400, 9019);
        assertError(send("PUT", PATH + "/999999999", token, body(groupId, "G", "999999999")), 400, 9026);
        assertError(send("DELETE", PATH + "/999999999", token, null), 400, 9026);
        assertError(get(PATH + "/999999999", token, XML), 400, 9026);
    }

    @Test
    void issnGroupsAreNormalisedAndCreatedOnFirstUseAndAReferencedGroupCannotBeDeleted() {
        String token = groupToken(Dance.MEMBER, Dance.MEMBER_SECRET, "/group-id-record/update");
        // ORCID's quirk: posting an ISSN group that did not exist creates it from the ISSN and still answers 409
        assertError(send("POST", PATH, token, body("issn:2049-3630", "Mine", null)), 409, 9025);
        JsonNode made = Http.json(get(PATH + "?group-id=issn:20493630", token, JSON));
        assertThat(made.get("group-id").asString()).isEqualTo("issn:2049-3630");
        assertThat(made.get("name").asString()).isEqualTo("2049-3630");
        assertThat(made.get("type").asString()).isEqualTo("journal");

        String write = Tokens.threeLegged(BASE, PORT, "/activities/update").get("access_token").asString();
        String reviews = "/api/v3.0/" + Dance.ADA_ORCID + "/peer-review";
        assertError(send("POST", reviews, write, review("orcid-generated:" + unique(), 1)), 400, 9020);
        String groupId = "publons:" + unique();
        HttpResponse<String> group = send("POST", PATH, token, body(groupId, "Referenced", null));
        String groupLocation = group.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> review = send("POST", reviews, write, review(groupId, 2));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
        assertError(send("DELETE", groupLocation.substring(BASE.length()), token, null), 409, 9040);

        HttpResponse<String> issnReview = send("POST", reviews, write, review("issn:1234567x", 3));
        assertThat(issnReview.statusCode()).as(issnReview.body()).isEqualTo(201);
        String stored = get(issnReview.headers().firstValue("Location").orElseThrow().substring(BASE.length()),
                write, JSON).body();
        assertThat(Http.json(Http.get(BASE + "/api/v3.0/" + Dance.ADA_ORCID + "/peer-review/"
                + location(issnReview), "Authorization", "Bearer " + write, "Accept", JSON))
            .get("review-group-id").asString()).isEqualTo("issn:1234-567X");
        assertThat(stored).contains("issn:1234-567X");
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String review(String groupId, int n) {
        return "{\"reviewer-role\":\"reviewer\",\"review-identifiers\":{\"external-id\":[{\"external-id-type\":"
                + "\"source-work-id\",\"external-id-value\":\"G-" + unique() + "\",\"external-id-relationship\":"
                + "\"self\"}]},\"review-type\":\"review\",\"review-completion-date\":{\"year\":{\"value\":\"2021\"}},"
                + "\"review-group-id\":\"" + groupId + "\",\"convening-organization\":{\"name\":\"Org " + n
                + "\",\"address\":{\"city\":\"Paris\",\"country\":\"FR\"}}}";
    }

    private static String body(String groupId, String name, String putCode) {
        return "{" + (putCode == null ? "" : "\"put-code\":" + putCode + ",") + "\"name\":\"" + name
                + "\",\"group-id\":\"" + groupId + "\",\"description\":\"Reviews for " + name
                + "\",\"type\":\"journal\"}";
    }

    static String groupToken(String client, String secret, String scope) {
        HttpResponse<String> response = Http.postForm(BASE + "/oauth/token", Map.of("client_id", client,
                "client_secret", secret, "grant_type", "client_credentials", "scope", scope), "Accept",
                "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("access_token").asString();
    }

    private static HttpResponse<String> get(String path, String token, String accept) {
        return Http.get(BASE + path, "Authorization", "Bearer " + token, "Accept", accept);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) {
        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + path))
            .header("Authorization", "Bearer " + token).header("Accept", JSON).header("Content-Type", JSON)
            .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        try {
            return java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (response.body().startsWith("<")) {
            assertThat(response.body()).contains("<error:error-code>" + code + "</error:error-code>");
        }
        else {
            assertThat(Http.json(response).get("error-code").asInt()).as(response.body()).isEqualTo(code);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
