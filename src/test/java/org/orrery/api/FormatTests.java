package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.CAROL_EMAIL;
import static org.orrery.api.RecordApi.CAROL_ORCID;
import static org.orrery.api.RecordApi.CAROL_PASSWORD;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.api.SectionContract.assertError;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

/**
 * ORCID's media types: negotiation with ORCID's XML default, 406 and 415, error bodies in the requested format,
 * malformed bodies naming the field, and XML that refuses DTDs (XXE, billion laughs).
 */
class FormatTests extends OrreryIntegrationTest {

    private static final String INVALID = "ORCID could not process the data, because they were invalid.";

    private String token() {
        return RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/activities/update /read-limited", CAROL_EMAIL,
                CAROL_PASSWORD);
    }

    private String record() {
        return BASE + "/pub/v3.0/" + CAROL_ORCID + "/record";
    }

    @Test
    void missingAcceptAnswersOrcidXml() {
        HttpResponse<String> response = RecordApi.get(record(), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.orcid+xml;charset=UTF-8");
        assertThat(response.body()).startsWith("<?xml").contains("<record:record");
        OrcidXsd.assertValid(response.body());
    }

    @Test
    void eachOrcidTypeIsAnsweredInKind() {
        String[][] cases = { { "application/vnd.orcid+xml", "<" }, { "application/orcid+xml", "<" },
                { "application/xml", "<" }, { "application/vnd.orcid+json", "{" }, { "application/orcid+json", "{" },
                { "application/json", "{" }, { "*/*", "<" }, { "application/json;q=0.5, application/xml", "<" },
                { "text/html, application/orcid+json;q=0.9", "{" } };
        for (String[] example : cases) {
            HttpResponse<String> response = RecordApi.get(record(), null, example[0]);
            assertThat(response.statusCode()).as(example[0]).isEqualTo(200);
            assertThat(response.body()).as(example[0]).startsWith(example[1]);
        }
        HttpResponse<String> json = RecordApi.get(record(), null, "application/orcid+json");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/orcid+json;charset=UTF-8");
        assertThat(RecordApi.json(json).at("/orcid-identifier/path").asString()).isEqualTo(CAROL_ORCID);
    }

    @Test
    void unsupportedAcceptAnswers406InOrcidXml() {
        HttpResponse<String> response = RecordApi.get(record(), null, "text/html");
        assertThat(response.statusCode()).isEqualTo(406);
        OrcidXsd.assertValid(response.body());
        assertThat(response.body()).contains("<error:response-code>406</error:response-code>")
            .contains("<error:error-code>9001</error:error-code>");
    }

    @Test
    void errorsComeInTheRequestedFormat() {
        HttpResponse<String> xml = RecordApi.get(BASE + "/pub/v3.0/0000-0001-5000-0007/record", null, VND_XML);
        assertThat(xml.statusCode()).isEqualTo(404);
        OrcidXsd.assertValid(xml.body());
        assertThat(xml.body()).contains("<error:error-code>9016</error:error-code>");
        HttpResponse<String> json = RecordApi.get(BASE + "/pub/v3.0/0000-0001-5000-0007/record", null, VND_JSON);
        assertError(json, 404, "404 Not Found: The resource was not found. Full validation error: ORCID iD"
                + " 0000-0001-5000-0007 not found", "The ORCID record was not found.", 9016);
    }

    @Test
    void unsupportedContentTypeAnswers415() {
        HttpResponse<String> response = RecordApi.send("POST", BASE + "/api/v3.0/" + CAROL_ORCID + "/work", token(),
                "text/plain", VND_JSON, "title");
        assertError(response, 415, "415 Unsupported Media Type: Cannot read text/plain. Full validation error:"
                + " Send application/vnd.orcid+xml, application/vnd.orcid+json, application/orcid+xml,"
                + " application/orcid+json, application/xml or application/json",
                "The format of the request body is not supported.", 9001);
    }

    @Test
    void malformedBodiesAnswer400NamingTheField() {
        String url = BASE + "/api/v3.0/" + CAROL_ORCID + "/work";
        String[][] cases = { { "{\"type\":\"journal-article\"}", "work/title is required" },
                { "{\"title\":{\"title\":{\"value\":\"x\"}},\"type\":\"poem\"}", "work/type has an invalid value 'poem'" },
                { "{\"title\":{\"title\":{\"value\":\"x\"}},\"type\":\"book\",\"colour\":\"red\"}",
                        "work/colour is not a known field" },
                { "{\"title\":{\"title\":{\"value\":\"x\"}},\"type\":\"book\",\"publication-date\":{\"year\":{\"value\":\"1800\"}}}",
                        "work/publication-date/year must be a year between 1900 and 2100" },
                { "{\"title\":{\"title\":{\"value\":\"x\"}},\"type\":\"book\",\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\"}]}}",
                        "work/external-ids/external-id[0]/external-id-value is required" },
                { "{\"title\":{\"title\":{\"value\":\"x\"}},\"type\":\"book\",\"url\":{\"value\":\"javascript:alert(1)\"}}",
                        "work/url must be an http, https or ftp URL" },
                { "{\"title\":", "body is not valid JSON" } };
        for (String[] example : cases) {
            HttpResponse<String> response = RecordApi.send("POST", url, token(), VND_JSON, VND_JSON, example[0]);
            assertError(response, 400, "400 Bad Request: Invalid incoming message. Full validation error: "
                    + example[1], INVALID, 9001);
        }
        HttpResponse<String> xml = RecordApi.send("POST", url, token(), VND_XML, VND_XML,
                "<work:work xmlns:work=\"http://www.orcid.org/ns/work\"><work:type>book</work:type></work:work>");
        assertThat(xml.statusCode()).isEqualTo(400);
        OrcidXsd.assertValid(xml.body());
        assertThat(xml.body()).contains("Full validation error: work/title is required");
        HttpResponse<String> wrongRoot = RecordApi.send("POST", url, token(), VND_XML, VND_JSON,
                "<funding xmlns=\"http://www.orcid.org/ns/funding\"/>");
        assertError(wrongRoot, 400, "400 Bad Request: Invalid incoming message. Full validation error:"
                + " {http://www.orcid.org/ns/funding}funding is not the expected element work:work", INVALID, 9001);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"title\":{\"title\":{\"value\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}}}";
        HttpResponse<String> response = RecordApi.send("POST", BASE + "/api/v3.0/" + CAROL_ORCID + "/work", token(),
                VND_JSON, VND_JSON, huge);
        assertError(response, 413, "413 Payload Too Large: The request body is larger than 16777216 bytes.",
                "The client application sent a bad request to ORCID.", 9006);
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsExpanded() {
        String url = BASE + "/api/v3.0/" + CAROL_ORCID + "/work";
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE work [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">
                  <work:title><common:title>&secret;</common:title></work:title><work:type>book</work:type>
                </work:work>""";
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <work:work xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">
                  <work:title><common:title>&lol3;</common:title></work:title><work:type>book</work:type>
                </work:work>""";
        for (String body : new String[] { xxe, laughs }) {
            HttpResponse<String> response = RecordApi.send("POST", url, token(), VND_XML, VND_JSON, body);
            assertError(response, 400, "400 Bad Request: Invalid incoming message. Full validation error:"
                    + " body must not contain a DOCTYPE declaration", INVALID, 9001);
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerOrcidErrors() {
        HttpResponse<String> unknown = RecordApi.get(BASE + "/pub/v3.0/" + CAROL_ORCID + "/hobbies", null, VND_JSON);
        assertError(unknown, 404, "404 Not Found: The resource was not found. Full validation error: No resource at"
                + " /pub/v3.0/" + CAROL_ORCID + "/hobbies", "The resource was not found.", 9016);
        HttpResponse<String> write = RecordApi.send("POST", BASE + "/pub/v3.0/" + CAROL_ORCID + "/work", null,
                VND_JSON, VND_JSON, WorkTests.work("x", "10.1/x"));
        assertError(write, 405, "405 Method Not Allowed: POST is not supported here.",
                "The client application sent a bad request to ORCID.", 9006);
        HttpResponse<String> badPutCode = RecordApi.get(BASE + "/pub/v3.0/" + CAROL_ORCID + "/work/abc", null,
                VND_JSON);
        assertError(badPutCode, 400, "400 Bad Request: The put code provided is not valid. Full validation error:"
                + " 'abc' is not a put-code", "The put code provided is not valid.", 9034);
    }
}
