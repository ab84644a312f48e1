package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.CAROL_EMAIL;
import static org.orrery.api.RecordApi.CAROL_ORCID;
import static org.orrery.api.RecordApi.CAROL_PASSWORD;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;
import static org.orrery.support.Dance.OTHER_MEMBER;
import static org.orrery.support.Dance.OTHER_MEMBER_SECRET;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrcidXsd;
import org.orrery.support.OrreryIntegrationTest;

/**
 * What every section must do, run by one subclass per section: visibility × scope × face, the single-item
 * refusals with their whole error bodies, POST/PUT/DELETE and XSD-valid XML for the item, its summary and the
 * section list. Items are added to Carol's record by the "other" member client and given each visibility
 * through the record editor.
 */
abstract class SectionContract extends OrreryIntegrationTest {

    static final String FORBIDDEN = "The client application is forbidden to perform the action.";

    /** URL segment of one item and of POST. */
    abstract String itemPath();

    /** URL segment of the section list. */
    abstract String listPath();

    /** How error messages name the kind. */
    abstract String label();

    /** A valid JSON body; {@code n} makes it distinct from the others (its external identifier). */
    abstract String body(int n);

    /** The scope that writes the section. */
    abstract String writeScope();

    /** The scope that reads limited items of the section. */
    abstract String readLimitedScope();

    /** Whether there is a {@code /summary/{put-code}} (activities). */
    boolean hasSummary() {
        return true;
    }

    String api() {
        return BASE + "/api/v3.0/" + CAROL_ORCID;
    }

    String pub() {
        return BASE + "/pub/v3.0/" + CAROL_ORCID;
    }

    String sourceToken() {
        return RecordApi.token(BASE, PORT, OTHER_MEMBER, OTHER_MEMBER_SECRET, writeScope(), CAROL_EMAIL,
                CAROL_PASSWORD);
    }

    long add(String token, String body) {
        HttpResponse<String> created = RecordApi.send("POST", api() + "/" + itemPath(), token, VND_JSON, VND_JSON,
                body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RecordApi.putCode(created);
    }

    @Test
    void visibilityByScopeAndFace() {
        int seed = (int) (System.nanoTime() % 100000);
        long[] codes = new long[4];
        String[] visibilities = { "public", "limited", "registered-only", "private" };
        for (int i = 0; i < 4; i++) {
            codes[i] = add(sourceToken(), body(seed * 10 + i));
        }
        ResearcherPages.setVisibilities(BASE, CAROL_EMAIL, CAROL_PASSWORD, codes[1], visibilities[1], codes[2],
                visibilities[2], codes[3], visibilities[3]);

        String readLimited = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/read-limited", CAROL_EMAIL,
                CAROL_PASSWORD);
        String updateOnly = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/activities/update /person/update",
                CAROL_EMAIL, CAROL_PASSWORD);
        String twoLegged = RecordApi.readPublicToken(BASE, MEMBER, MEMBER_SECRET);

        assertSees(pub(), null, codes, true, false, false, false);
        assertSees(api(), twoLegged, codes, true, false, false, false);
        assertSees(api(), updateOnly, codes, true, false, false, false);
        assertSees(api(), readLimited, codes, true, true, true, false);
        assertSees(api(), sourceToken(), codes, true, true, true, true);

        assertError(RecordApi.get(pub() + "/" + itemPath() + "/" + codes[1], null, VND_JSON), 403,
                "403 Forbidden: The item is not public and cannot be accessed with the Public API."
                        + " Full validation error: The " + label() + " " + codes[1] + " is not public",
                FORBIDDEN, 9039);
        assertError(RecordApi.get(api() + "/" + itemPath() + "/" + codes[1], updateOnly, VND_JSON), 403,
                "403 Forbidden: Insufficient or wrong scope. Full validation error: The access token does not carry "
                        + readLimitedScope(),
                FORBIDDEN, 9038);
        assertError(RecordApi.get(api() + "/" + itemPath() + "/" + codes[3], readLimited, VND_JSON), 403,
                "403 Forbidden: The activity is private and you are not the source. Full validation error: The "
                        + label() + " " + codes[3] + " is private",
                FORBIDDEN, 9013);
    }

    private void assertSees(String face, String token, long[] codes, boolean... expected) {
        String list = RecordApi.get(face + "/" + listPath(), token, VND_JSON).body();
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            int status = RecordApi.get(face + "/" + itemPath() + "/" + codes[i], token, VND_JSON).statusCode();
            assertThat(status).as("item %d via %s", i, face).isEqualTo(expected[i] ? 200 : 403);
            if (list.contains("\"put-code\":" + codes[i] + ",")) {
                seen.add(codes[i]);
            }
        }
        List<Long> wanted = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (expected[i]) {
                wanted.add(codes[i]);
            }
        }
        assertThat(seen).as("list via %s", face).isEqualTo(wanted);
    }

    @Test
    void writeReadBackUpdateDeleteAndValidXml() {
        String token = sourceToken();
        long code = add(token, body(7));
        String url = api() + "/" + itemPath() + "/" + code;
        HttpResponse<String> xml = RecordApi.get(url, token, VND_XML);
        assertThat(xml.statusCode()).isEqualTo(200);
        OrcidXsd.assertValid(xml.body());
        List<String> documents = new ArrayList<>(List.of("/" + listPath(), "/record"));
        if (hasSummary()) {
            documents.add("/" + itemPath() + "/summary/" + code);
            documents.add("/activities");
        }
        else {
            documents.add("/person");
        }
        for (String path : documents) {
            HttpResponse<String> doc = RecordApi.get(api() + path, token, VND_XML);
            assertThat(doc.statusCode()).as(path).isEqualTo(200);
            OrcidXsd.assertValid(doc.body());
            assertThat(doc.body()).as(path).contains("put-code=\"" + code + "\"");
        }

        String updated = body(8).replaceFirst("\\{", "{\"put-code\":" + code + ",");
        HttpResponse<String> put = RecordApi.send("PUT", url, token, VND_JSON, VND_JSON, updated);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(RecordApi.json(put).get("put-code").asLong()).isEqualTo(code);
        HttpResponse<String> putXml = RecordApi.send("PUT", url, token, VND_JSON, VND_XML, updated);
        OrcidXsd.assertValid(putXml.body());

        HttpResponse<String> mismatch = RecordApi.send("PUT", url, token, VND_JSON, VND_JSON,
                body(8).replaceFirst("\\{", "{\"put-code\":1,"));
        assertError(mismatch, 400, "400 Bad Request: The put code in the URL was " + code
                + " whereas the one in the body was 1.",
                "The put code in the URL did not match that in the body of the message.", 9019);

        HttpResponse<String> notSource = RecordApi.send("DELETE", url, RecordApi.token(BASE, PORT, MEMBER,
                MEMBER_SECRET, "/activities/update /person/update", CAROL_EMAIL, CAROL_PASSWORD), null, VND_JSON, null);
        assertError(notSource, 403, "403 Forbidden: You are not the source of the " + label()
                + ", so you are not allowed to update it.",
                "The client application is not the source of the resource it is trying to access.", 9010);

        HttpResponse<String> deleted = RecordApi.send("DELETE", url, token, null, VND_JSON, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = RecordApi.get(url, token, VND_JSON);
        assertError(gone, 404, "404 Not Found: The resource was not found. Full validation error: No " + label()
                + " with put-code " + code + " on " + CAROL_ORCID, "The resource was not found.", 9016);
    }

    @Test
    void writingNeedsTheSectionScopeAndThisRecordsToken() {
        String readOnly = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/read-limited", CAROL_EMAIL,
                CAROL_PASSWORD);
        HttpResponse<String> noScope = RecordApi.send("POST", api() + "/" + itemPath(), readOnly, VND_JSON, VND_JSON,
                body(3));
        assertError(noScope, 403, "403 Forbidden: Insufficient or wrong scope. Full validation error: The access"
                + " token does not carry " + firstWriteScope(), FORBIDDEN, 9038);

        String adas = RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/activities/update /person/update",
                ADA_EMAIL, ADA_PASSWORD);
        HttpResponse<String> otherRecord = RecordApi.send("POST", api() + "/" + itemPath(), adas, VND_JSON, VND_JSON,
                body(3));
        assertError(otherRecord, 401, "401 Unauthorized: The client application is not authorized for this ORCID"
                + " record. Full validation error: Access token is for a different record",
                "The client application is not authorized.", 9017);

        HttpResponse<String> withPutCode = RecordApi.send("POST", api() + "/" + itemPath(), sourceToken(), VND_JSON,
                VND_JSON, body(3).replaceFirst("\\{", "{\"put-code\":12,"));
        assertError(withPutCode, 400, "400 Bad Request: Put-code is included when not expected. When posting new"
                + " activities, the put code should be omitted.",
                "There was an error when adding the activity. Please try again.", 9024);
    }

    /** The scope named when a write lacks one. */
    abstract String firstWriteScope();

    static void assertError(HttpResponse<String> response, int status, String developerMessage, String userMessage,
            int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(RecordApi.errorJson(status, developerMessage, userMessage, code));
    }
}
