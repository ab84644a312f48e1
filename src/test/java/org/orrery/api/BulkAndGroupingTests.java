package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.CAROL_EMAIL;
import static org.orrery.api.RecordApi.CAROL_ORCID;
import static org.orrery.api.RecordApi.CAROL_PASSWORD;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.api.SectionContract.assertError;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/** Bulk works (read and write, at most 100), duplicate activities (409) and ORCID's grouping of summaries. */
class BulkAndGroupingTests extends OrreryIntegrationTest {

    private String api() {
        return BASE + "/api/v3.0/" + CAROL_ORCID;
    }

    private String token() {
        return RecordApi.token(BASE, PORT, RecordApi.CLIENT_C, RecordApi.CLIENT_C_SECRET,
                "/activities/update /read-limited", CAROL_EMAIL, CAROL_PASSWORD);
    }

    @Test
    void bulkPostAnswersEachWorkOrItsError() {
        String body = "{\"bulk\":[{\"work\":" + WorkTests.work("Bulk one", "10.7777/bulk.1") + "},"
                + "{\"work\":{\"title\":{\"title\":{\"value\":\"No type\"}}}},"
                + "{\"work\":" + WorkTests.work("Bulk three", "10.7777/bulk.3") + "}]}";
        HttpResponse<String> response = RecordApi.send("POST", api() + "/works", token(), VND_JSON, VND_JSON, body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bulk = RecordApi.json(response).get("bulk");
        assertThat(bulk.size()).isEqualTo(3);
        assertThat(bulk.at("/0/work/title/title/value").asString()).isEqualTo("Bulk one");
        assertThat(bulk.at("/1/error/error-code").asInt()).isEqualTo(9001);
        assertThat(bulk.at("/1/error/developer-message").asString())
            .endsWith("Full validation error: work/type is required");
        long first = bulk.at("/0/work/put-code").asLong();
        long third = bulk.at("/2/work/put-code").asLong();

        HttpResponse<String> read = RecordApi.get(api() + "/works/" + first + "," + third + ",99999999", token(),
                VND_XML);
        assertThat(read.statusCode()).isEqualTo(200);
        OrcidXsd.assertValid(read.body());
        JsonNode readJson = RecordApi.json(RecordApi.get(api() + "/works/" + first + "," + third + ",99999999",
                token(), VND_JSON)).get("bulk");
        assertThat(readJson.at("/0/work/put-code").asLong()).isEqualTo(first);
        assertThat(readJson.at("/1/work/put-code").asLong()).isEqualTo(third);
        assertThat(readJson.at("/2/error/error-code").asInt()).isEqualTo(9016);

        String xmlBulk = "<bulk:bulk xmlns:bulk=\"http://www.orcid.org/ns/bulk\" xmlns:work=\"http://www.orcid.org/ns/work\""
                + " xmlns:common=\"http://www.orcid.org/ns/common\"><work:work><work:title><common:title>XML bulk"
                + "</common:title></work:title><work:type>book</work:type></work:work></bulk:bulk>";
        HttpResponse<String> xmlPost = RecordApi.send("POST", api() + "/works", token(), VND_XML, VND_XML, xmlBulk);
        assertThat(xmlPost.statusCode()).isEqualTo(200);
        OrcidXsd.assertValid(xmlPost.body());
        assertThat(xmlPost.body()).contains("<common:title>XML bulk</common:title>");
    }

    @Test
    void moreThanAHundredIsRefused() {
        List<String> codes = new ArrayList<>();
        StringBuilder works = new StringBuilder("{\"bulk\":[");
        for (int i = 0; i < 101; i++) {
            codes.add(Integer.toString(i + 1));
            works.append(i == 0 ? "" : ",").append("{\"work\":").append(WorkTests.work("W" + i, "10.1/" + i))
                .append('}');
        }
        works.append("]}");
        assertError(RecordApi.get(api() + "/works/" + String.join(",", codes), token(), VND_JSON), 400,
                "400 Bad Request: The client application sent a bad request to ORCID. Full validation error: At most"
                        + " 100 put-codes may be read at once",
                "The client application sent a bad request to ORCID.", 9006);
        assertError(RecordApi.send("POST", api() + "/works", token(), VND_JSON, VND_JSON, works.toString()), 400,
                "400 Bad Request: The client application sent a bad request to ORCID. Full validation error: You are"
                        + " allowed to add up to 100 elements per request.",
                "The client application sent a bad request to ORCID.", 9006);
    }

    @Test
    void sameSourceSameIdentifierIsADuplicateButAnotherSourceGroupsWithIt() {
        String doi = "10.8888/group." + System.nanoTime();
        HttpResponse<String> first = RecordApi.send("POST", api() + "/work", token(), VND_JSON, VND_JSON,
                WorkTests.work("Grouped", doi));
        long firstCode = RecordApi.putCode(first);
        HttpResponse<String> again = RecordApi.send("POST", api() + "/work", token(), VND_JSON, VND_JSON,
                WorkTests.work("Grouped again", doi));
        assertError(again, 409, "409 Conflict: You have already added this activity (matched by external"
                + " identifiers.) If you are trying to edit the item, please use PUT instead of POST, and include the"
                + " put-code attribute for the activity in the element declaration. Full validation error: The work"
                + " with put-code " + firstCode + " already has the external identifier doi:" + doi,
                "There was an error when adding or updating the activity. Please try again.", 9021);

        String other = RecordApi.token(BASE, PORT, OTHER_MEMBER, OTHER_MEMBER_SECRET, "/activities/update",
                CAROL_EMAIL, CAROL_PASSWORD);
        long secondCode = RecordApi.putCode(RecordApi.send("POST", api() + "/work", other, VND_JSON, VND_JSON,
                WorkTests.work("Grouped elsewhere", doi)));
        String partOf = WorkTests.work("Part of it", "10.8888/other." + System.nanoTime())
            .replace("\"external-id-relationship\":\"self\"", "\"external-id-relationship\":\"self\"},"
                    + "{\"external-id-type\":\"doi\",\"external-id-value\":\"" + doi
                    + "\",\"external-id-relationship\":\"part-of\"");
        long partOfCode = RecordApi.putCode(RecordApi.send("POST", api() + "/work", token(), VND_JSON, VND_JSON,
                partOf));

        JsonNode works = RecordApi.json(RecordApi.get(api() + "/works", token(), VND_JSON));
        JsonNode group = null;
        JsonNode partOfGroup = null;
        for (JsonNode candidate : works.get("group")) {
            for (JsonNode summary : candidate.get("work-summary")) {
                if (summary.get("put-code").asLong() == firstCode) {
                    group = candidate;
                }
                if (summary.get("put-code").asLong() == partOfCode) {
                    partOfGroup = candidate;
                }
            }
        }
        assertThat(group).isNotNull();
        assertThat(group.get("work-summary").findValues("put-code").stream().map(JsonNode::asLong).toList())
            .containsExactly(firstCode, secondCode);
        assertThat(group.at("/external-ids/external-id/0/external-id-value").asString()).isEqualTo(doi);
        assertThat(partOfGroup).isNotSameAs(group);
        assertThat(partOfGroup.get("work-summary").size()).isEqualTo(1);

        HttpResponse<String> put = RecordApi.send("PUT", api() + "/work/" + partOfCode, token(), VND_JSON, VND_JSON,
                WorkTests.work("Now a duplicate", doi).replaceFirst("\\{", "{\"put-code\":" + partOfCode + ","));
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(RecordApi.json(put).get("error-code").asInt()).isEqualTo(9021);
    }

    @Test
    void clientCannotChangeVisibilityThroughTheApi() {
        long code = RecordApi.putCode(RecordApi.send("POST", api() + "/work", token(), VND_JSON, VND_JSON,
                WorkTests.work("Visibility", "10.9999/v." + System.nanoTime())));
        String body = WorkTests.work("Visibility", "10.9999/v2." + System.nanoTime())
            .replaceFirst("\\{", "{\"put-code\":" + code + ",\"visibility\":\"private\",");
        assertError(RecordApi.send("PUT", api() + "/work/" + code, token(), VND_JSON, VND_JSON, body), 403,
                "403 Forbidden: The visibility of an item cannot be changed through the API. Full validation error:"
                        + " Remove the visibility or set it to the current value",
                "You can't change the visibility of an item, please remove the visibility or set it to the current"
                        + " value",
                9035);
        String same = body.replace("\"private\"", "\"public\"");
        assertThat(RecordApi.send("PUT", api() + "/work/" + code, token(), VND_JSON, VND_JSON, same).statusCode())
            .isEqualTo(200);
        String postedPrivate = WorkTests.work("Posted private", "10.9999/p." + System.nanoTime())
            .replaceFirst("\\{", "{\"visibility\":\"private\",");
        long posted = RecordApi.putCode(RecordApi.send("POST", api() + "/work", token(), VND_JSON, VND_JSON,
                postedPrivate));
        JsonNode read = RecordApi.json(RecordApi.get(api() + "/work/" + posted, token(), VND_JSON));
        assertThat(read.get("visibility").asString()).isEqualTo("public");
    }
}
