package org.orrery.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.api.RecordApi.VND_JSON;
import static org.orrery.api.RecordApi.VND_XML;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.orrery.support.OrcidXsd;

import tools.jackson.databind.JsonNode;

/** Works on the member and public API: write, read in both formats, groups, bulk. */
class WorkTests extends SectionContract {

    @Override
    String itemPath() {
        return "work";
    }

    @Override
    String listPath() {
        return "works";
    }

    @Override
    String label() {
        return "work";
    }

    @Override
    String body(int n) {
        return work("Work " + n, "10.5555/contract." + n);
    }

    @Override
    String writeScope() {
        return "/activities/update";
    }

    @Override
    String readLimitedScope() {
        return "/orcid-works/read-limited";
    }

    @Override
    String firstWriteScope() {
        return "/orcid-works/create";
    }


    static String work(String title, String doi) {
        return """
                {"title":{"title":{"value":"%s"}},"type":"journal-article",
                 "publication-date":{"year":{"value":"2021"},"month":{"value":"03"}},
                 "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"%s",
                   "external-id-url":{"value":"https://doi.org/%s"},"external-id-relationship":"self"}]},
                 "contributors":{"contributor":[{"contributor-orcid":{"path":"0000-0002-7319-2192"},
                   "credit-name":{"value":"C. Keeper"},"contributor-attributes":{"contributor-sequence":"first",
                   "contributor-role":"author"}}]},
                 "url":{"value":"https://example.org/w"},"country":{"value":"GB"},"language-code":"en"}
                """.formatted(title, doi, doi);
    }

    private String writer() {
        return RecordApi.token(BASE, PORT, MEMBER, MEMBER_SECRET, "/activities/update /read-limited", ADA_EMAIL,
                ADA_PASSWORD);
    }

    @Test
    void postedJsonWorkReadsBackInJsonAndValidXml() {
        HttpResponse<String> created = RecordApi.send("POST", BASE + "/api/v3.0/" + ADA_ORCID + "/work", writer(),
                VND_JSON, VND_JSON, work("Analytical Engine Notes", "10.1000/ae.1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        long putCode = RecordApi.putCode(created);
        assertThat(created.headers().firstValue("Location"))
            .hasValue(BASE + "/api/v3.0/" + ADA_ORCID + "/work/" + putCode);

        HttpResponse<String> json = RecordApi.get(BASE + "/api/v3.0/" + ADA_ORCID + "/work/" + putCode, writer(),
                VND_JSON);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode work = RecordApi.json(json);
        assertThat(work.get("put-code").asLong()).isEqualTo(putCode);
        assertThat(work.at("/title/title/value").asString()).isEqualTo("Analytical Engine Notes");
        assertThat(work.at("/source/source-client-id/path").asString()).isEqualTo(MEMBER);
        assertThat(work.at("/source/source-name/value").asString()).isEqualTo("Test Member Integration");
        assertThat(work.get("visibility").asString()).isEqualTo("public");
        assertThat(work.get("path").asString()).isEqualTo("/" + ADA_ORCID + "/work/" + putCode);

        HttpResponse<String> xml = RecordApi.get(BASE + "/api/v3.0/" + ADA_ORCID + "/work/" + putCode, writer(),
                VND_XML);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(VND_XML));
        OrcidXsd.assertValid(xml.body());
        assertThat(xml.body()).contains("put-code=\"" + putCode + "\"")
            .contains("<common:title>Analytical Engine Notes</common:title>");

        for (String path : new String[] { "/works", "/activities", "/record", "/work/summary/" + putCode,
                "/works/" + putCode }) {
            HttpResponse<String> doc = RecordApi.get(BASE + "/api/v3.0/" + ADA_ORCID + path, writer(), VND_XML);
            assertThat(doc.statusCode()).as(path).isEqualTo(200);
            OrcidXsd.assertValid(doc.body());
        }
    }
}
