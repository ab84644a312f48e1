package org.orrery.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.search.SearchFixture.eventually;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * {@code /search}, {@code /expanded-search} and {@code /csv-search} on both faces, against researchers made
 * through the registry (register page, member API, record editor): each field family, each operator and Solr
 * parameter, the answer formats (XML valid against ORCID's XSDs), privacy, and every error.
 */
class SearchApiTests extends OrreryIntegrationTest {

    private static final String JSON = "application/vnd.orcid+json";

    private static final String XML = "application/vnd.orcid+xml";

    private static String tag;

    private static String ringgold;

    /** Renée {tag}: a rich public record. */
    private static SearchFixture.Person renee;

    /** Anna {tag}: a partial name match for Renée's name. */
    private static SearchFixture.Person anna;

    /** A record whose name is private but whose one work is public. */
    private static SearchFixture.Person hidden;

    @BeforeEach
    void researchers() {
        synchronized (SearchApiTests.class) {
            if (renee != null) {
                return;
            }
            tag = SearchFixture.tag();
            ringgold = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
            renee = SearchFixture.register(BASE, PORT, "Renée", cap(tag));
            renee.post(BASE, "work", SearchFixture.work("Orbits of comets" + tag, "10.5555/" + tag + ".1"));
            renee.post(BASE, "work", "{\"title\":{\"title\":{\"value\":\"Colon work\"}},\"type\":\"journal-article\","
                    + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"uri\",\"external-id-value\":\"urn:"
                    + tag + ":1\",\"external-id-relationship\":\"self\"}]}}");
            renee.post(BASE, "employment",
                    SearchFixture.affiliation("Uni" + tag + " Observatory", "ROR", "https://ror.org/0" + tag, null));
            renee.post(BASE, "education",
                    SearchFixture.affiliation("Col" + tag + " College", "RINGGOLD", ringgold, "2001"));
            renee.post(BASE, "funding", SearchFixture.funding("Fund" + tag + " programme", "G-" + tag));
            renee.post(BASE, "keywords", SearchFixture.content("astrometry" + tag));
            renee.post(BASE, "other-names", SearchFixture.content("Rey Alias" + tag));
            renee.setVisibility(BASE, "email-visibility", "save-email-visibility", "public");

            anna = SearchFixture.register(BASE, PORT, "Anna", cap(tag));
            hidden = SearchFixture.register(BASE, PORT, "Secret" + tag, "Person");
            hidden.post(BASE, "work", SearchFixture.work("Visible" + tag + " work", "10.5555/" + tag + ".2"));
            hidden.setVisibility(BASE, "name-visibility", "save-name", "private");
            eventually(() -> found("pub", "keyword:astrometry" + tag).contains(renee.orcid())
                    && found("pub", "family-name:" + tag).contains(anna.orcid())
                    && found("pub", "work-titles:visible" + tag).contains(hidden.orcid())
                    && found("pub", "given-names:secret" + tag).isEmpty(), () -> "fixture indexed");
        }
    }

    @Test
    void personFieldsFindTheRecord() {
        assertThat(found("pub", "family-name:" + tag)).containsExactlyInAnyOrder(renee.orcid(), anna.orcid());
        assertThat(found("pub", "given-names:renee AND family-name:" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "given-and-family-names:\"Renée " + tag + "\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "other-names:alias" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "keyword:ASTROMETRY" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "email:" + renee.email().toUpperCase())).containsExactly(renee.orcid());
        assertThat(found("pub", "orcid:" + renee.orcid())).containsExactly(renee.orcid());
        // an iD whose check character is X, written either way (the seeded Ada's)
        assertThat(found("pub", "orcid:0000-0002-1694-233X")).containsExactly("0000-0002-1694-233X");
        assertThat(found("pub", "orcid:0000-0002-1694-233x")).containsExactly("0000-0002-1694-233X");
        assertThat(found("pub", "text:astrometry" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "astrometry" + tag)).containsExactly(renee.orcid());
    }

    @Test
    void affiliationFieldsFindTheRecord() {
        assertThat(found("pub", "affiliation-org-name:\"uni" + tag + " observatory\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "current-institution-affiliation-name:uni" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "past-institution-affiliation-name:uni" + tag)).isEmpty();
        assertThat(found("pub", "past-institution-affiliation-name:col" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "ror-org-id:\"https://ror.org/0" + tag + "\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "ror-org-id:0" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "ringgold-org-id:" + ringgold)).containsExactly(renee.orcid());
        assertThat(found("pub", "fundref-org-id:100004440 AND family-name:" + tag)).containsExactly(renee.orcid());
        // "has a value" ranges, as ORCID's pages send in bq
        assertThat(found("pub", "current-institution-affiliation-name:[* TO *] AND family-name:" + tag))
            .containsExactly(renee.orcid());
        assertThat(found("pub", "family-name:" + tag + " -past-institution-affiliation-name:[* TO *]"))
            .containsExactly(anna.orcid());
        assertThat(found("pub", "ror-org-id:[* TO *] AND family-name:" + tag)).containsExactly(renee.orcid());
    }

    @Test
    void activityAndIdentifierFieldsFindTheRecord() {
        assertThat(found("pub", "work-titles:comets" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "digital-object-ids:\"10.5555/" + tag + ".1\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "doi-self:\"10.5555/" + tag + ".1\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "doi-self:10.5555\\/" + tag.toUpperCase() + ".1")).containsExactly(renee.orcid());
        assertThat(found("pub", "uri-self:urn\\:" + tag + "\\:1")).containsExactly(renee.orcid());
        assertThat(found("pub", "funding-titles:fund" + tag)).containsExactly(renee.orcid());
        assertThat(found("pub", "grant-numbers:\"G-" + tag + "\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "profile-submission-date:[2020-01-01 TO NOW] AND family-name:" + tag))
            .containsExactlyInAnyOrder(renee.orcid(), anna.orcid());
        assertThat(found("pub", "profile-submission-date:[* TO 2020-01-01] AND family-name:" + tag)).isEmpty();
    }

    @Test
    void operatorsCombineAsInSolr() {
        String family = "family-name:" + tag;
        assertThat(found("pub", family + " AND NOT given-names:anna")).containsExactly(renee.orcid());
        assertThat(found("pub", "+" + family + " -given-names:anna")).containsExactly(renee.orcid());
        assertThat(found("pub", "given-names:anna OR keyword:astrometry" + tag))
            .contains(renee.orcid(), anna.orcid());
        assertThat(found("pub", "family-name:" + tag.substring(0, 6) + "*")).contains(renee.orcid(), anna.orcid());
        assertThat(found("pub", "keyword:astrometry" + tag.substring(0, tag.length() - 1) + "~1"))
            .containsExactly(renee.orcid());
        assertThat(found("pub", "keyword:/astrometry" + tag + "/")).containsExactly(renee.orcid());
        assertThat(found("pub", "work-titles:\"comets" + tag + " orbits\"")).isEmpty();
        assertThat(found("pub", "work-titles:\"orbits of comets" + tag + "\"")).containsExactly(renee.orcid());
        assertThat(found("pub", "given-names:renee " + family + "&q.op=AND")).containsExactly(renee.orcid());
        assertThat(found("pub", family + "&fq=" + enc("given-names:anna"))).containsExactly(anna.orcid());
        assertThat(found("pub", family + "&sort=" + enc("given-names desc"))).containsExactly(renee.orcid(),
                anna.orcid());
        assertThat(found("pub", family + "&sort=" + enc("given-names asc"))).containsExactly(anna.orcid(),
                renee.orcid());
        assertThat(found("pub", "renee " + tag + "&defType=edismax&qf=" + enc("given-names^1.0 family-name^2.0")
                + "&mm=2")).containsExactly(renee.orcid());
    }

    @Test
    void anExactNameMatchComesBeforeAPartialOne() {
        String quick = "{!edismax qf=\"given-and-family-names^50 family-name^10 given-names^10 credit-name^10"
                + " other-names^5 text^1\" pf=\"given-and-family-names^50\" bq=\"current-institution-affiliation-name:"
                + "[* TO *]^100 past-institution-affiliation-name:[* TO *]^70\" mm=1}renee " + tag;
        assertThat(found("pub", enc(quick))).startsWith(renee.orcid()).contains(anna.orcid());
        assertThat(found("pub", enc("anna " + tag) + "&defType=edismax&qf=" + enc("given-names family-name")
                + "&pf=given-and-family-names")).startsWith(anna.orcid());
    }

    @Test
    void pagesOfOneListTheSameOrderAsOneLongPage() {
        String quick = "{!edismax qf=\"" + RegistrySearchQueries.QF + "\" pf=\"given-and-family-names^50\" bq=\""
                + RegistrySearchQueries.BQ + "\" mm=1}renee " + tag;
        for (String query : List.of(enc(quick), "family-name:" + tag, "text:" + tag + " OR given-names:renee")) {
            List<String> all = found("pub", query);
            assertThat(all).hasSizeGreaterThanOrEqualTo(2);
            List<String> paged = new ArrayList<>();
            for (int start = 0; start < all.size(); start++) {
                paged.addAll(found("pub", query + "&rows=1&start=" + start));
            }
            assertThat(paged).as(query).isEqualTo(all);
        }
    }

    @Test
    void searchAnswersInOrcidsXmlAndJson() {
        HttpResponse<String> xml = get("pub", "search/", "q=" + enc("family-name:" + tag), XML);
        assertThat(xml.statusCode()).isEqualTo(200);
        SearchXsd.assertValid(xml.body());
        assertThat(xml.body()).contains("num-found=\"2\"", "<common:path>" + renee.orcid() + "</common:path>");

        JsonNode json = Http.json(get("pub", "search", "q=" + enc("orcid:" + renee.orcid()), JSON));
        assertThat(json.toString()).isEqualTo("{\"result\":[{\"orcid-identifier\":{\"uri\":\"" + BASE + "/"
                + renee.orcid() + "\",\"path\":\"" + renee.orcid() + "\",\"host\":\"localhost\"}}],\"num-found\":1}");
        JsonNode none = Http.json(get("pub", "search", "q=" + enc("family-name:nobody" + tag), JSON));
        assertThat(none.toString()).isEqualTo("{\"result\":null,\"num-found\":0}");
        JsonNode count = Http.json(get("pub", "search", "q=" + enc("family-name:" + tag) + "&rows=0", JSON));
        assertThat(count.toString()).isEqualTo("{\"result\":null,\"num-found\":2}");
        JsonNode paged = Http.json(get("pub", "search", "q=" + enc("family-name:" + tag) + "&rows=1&start=1"
                + "&sort=" + enc("given-names asc"), JSON));
        assertThat(paged.get("result").get(0).get("orcid-identifier").get("path").asString())
            .isEqualTo(renee.orcid());
        assertThat(paged.get("num-found").asInt()).isEqualTo(2);
        // a page smaller than the matches, ranked by relevance: the count stays exact
        JsonNode first = Http.json(get("pub", "search", "q=" + enc("family-name:" + tag) + "&rows=1", JSON));
        assertThat(first.get("result")).hasSize(1);
        assertThat(first.get("num-found").asInt()).isEqualTo(2);
    }

    @Test
    void expandedSearchShowsPublicNamesEmailsAndInstitutions() {
        HttpResponse<String> xml = get("pub", "expanded-search/", "q=" + enc("orcid:" + renee.orcid()), XML);
        SearchXsd.assertValid(xml.body());
        JsonNode json = Http.json(get("pub", "expanded-search", "q=" + enc("orcid:" + renee.orcid()), JSON));
        assertThat(json.toString()).isEqualTo("{\"expanded-result\":[{\"orcid-id\":\"" + renee.orcid()
                + "\",\"given-names\":\"Renée\",\"family-names\":\"" + cap(tag) + "\",\"credit-name\":null,"
                + "\"other-name\":[\"Rey Alias" + tag + "\"],\"email\":[\"" + renee.email() + "\"],"
                + "\"institution-name\":[\"Col" + tag + " College\",\"Uni" + tag + " Observatory\"]}],\"num-found\":1}");
        JsonNode none = Http.json(get("pub", "expanded-search", "q=" + enc("orcid:0000-0000-0000-0000"), JSON));
        assertThat(none.toString()).isEqualTo("{\"expanded-result\":null,\"num-found\":0}");
        SearchXsd.assertValid(get("pub", "expanded-search", "q=" + enc("orcid:0000-0000-0000-0000"), XML).body());
    }

    @Test
    void csvSearchAnswersOrcidsColumns() {
        HttpResponse<String> all = get("pub", "csv-search/", "q=" + enc("orcid:" + renee.orcid()), "text/csv");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.body()).isEqualTo("orcid,email,given-names,family-name,given-and-family-names,"
                + "current-institution-affiliation-name,past-institution-affiliation-name,credit-name,other-names\r\n"
                + renee.orcid() + "," + renee.email() + ",Renée," + cap(tag) + ",Renée " + cap(tag) + ",Uni" + tag
                + " Observatory,Col" + tag + " College,,Rey Alias" + tag + "\r\n");
        HttpResponse<String> some = get("pub", "csv-search", "q=" + enc("family-name:" + tag)
                + "&fl=" + enc("orcid,given-names,password,wt") + "&sort=" + enc("given-names asc"), "text/csv");
        assertThat(some.body()).isEqualTo("orcid,given-names\r\n" + anna.orcid() + ",Anna\r\n" + renee.orcid()
                + ",Renée\r\n");
        assertThat(get("pub", "csv-search", "q=" + enc("family-name:" + tag), JSON).statusCode()).isEqualTo(406);
    }

    @Test
    void onlyPublicDataIsSearchable() {
        assertThat(found("pub", "given-names:secret" + tag)).isEmpty();
        assertThat(found("pub", "text:secret" + tag)).isEmpty();
        assertThat(found("pub", "work-titles:visible" + tag)).containsExactly(hidden.orcid());
        JsonNode expanded = Http.json(get("pub", "expanded-search", "q=" + enc("orcid:" + hidden.orcid()), JSON));
        assertThat(expanded.get("expanded-result").get(0).get("given-names").isNull()).isTrue();
        assertThat(expanded.toString()).doesNotContain("Secret" + tag).doesNotContain(hidden.email());
        assertThat(found("pub", "email:" + anna.email())).isEmpty();
        assertThat(found("api", "email:" + anna.email())).isEmpty();
    }

    @Test
    void aVisibilityChangeANewItemAndANameChangeAreReflected() {
        try (SearchFixture.Person person = SearchFixture.register(BASE, PORT, "Mira", "Changes" + tag)) {
            String title = "privatework" + tag;
            HttpResponse<String> created = person.post(BASE, "work", SearchFixture.work(title, "10.5555/p" + tag));
            eventually(() -> found("pub", "work-titles:" + title).contains(person.orcid()), () -> "new work found");
            String putCode = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            person.setVisibility(BASE, "visibility-" + putCode, "save-visibility-" + putCode, "private");
            eventually(() -> found("pub", "work-titles:" + title).isEmpty(), () -> "private work gone");
            assertThat(found("api", "work-titles:" + title)).isEmpty();
            person.setVisibility(BASE, "name-visibility", "save-name", "private");
            eventually(() -> found("pub", "family-name:changes" + tag).isEmpty(), () -> "private name gone");
        }
    }

    @Test
    void theMemberApiNeedsReadPublicAndHasNoStartCap() {
        String token = readPublicToken();
        HttpResponse<String> member = Http.get(BASE + "/api/v3.0/search?q=" + enc("family-name:" + tag), "Accept",
                JSON, "Authorization", "Bearer " + token);
        assertThat(member.statusCode()).isEqualTo(200);
        assertThat(Http.json(member).get("num-found").asInt()).isEqualTo(2);
        assertThat(Http.get(BASE + "/api/v3.0/search?q=x&start=20000", "Accept", JSON, "Authorization",
                "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(Http.get(BASE + "/pub/v3.0/search?q=x&start=20000", "Accept", JSON, "Authorization",
                "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(Http.get(BASE + "/api/v3.0/search?q=x", "Accept", JSON).statusCode()).isEqualTo(401);
        HttpResponse<String> webhookOnly = Http.get(BASE + "/api/v3.0/search?q=x", "Accept", JSON,
                "Authorization", "Bearer " + webhookToken());
        assertError(webhookOnly, 403, 9038, "/read-public");
    }

    @Test
    void badParametersAnswer400WithOrcidsErrorBody() {
        assertError(get("pub", "search", "q=" + enc("keywords:astronomy"), JSON), 400, 9012,
                "undefined field keywords");
        assertError(get("pub", "search", "q=" + enc("doi-self:10.1087:20120404"), JSON), 400, 9012,
                "Cannot parse q");
        assertError(get("pub", "search", "q=" + enc("family-name:(smith"), XML), 400, 9012, "Cannot parse q");
        assertError(get("pub", "search", "q=a&rows=1001", JSON), 400, 9012,
                "The rows parameter must be an integer between 0 and 1,000");
        assertError(get("pub", "search", "q=a&rows=ten", JSON), 400, 9012, "rows");
        assertError(get("pub", "search", "q=a&rows=-1", JSON), 400, 9012, "rows");
        assertError(get("pub", "search", "q=a&start=10001", JSON), 400, 9043,
                "The start parameter for API users without credentials must be an integer between 0 and 10,000");
        assertError(get("pub", "search", "q=a&start=-1", JSON), 400, 9043, "start");
        assertError(get("pub", "search", "rows=1", JSON), 400, 9012, "The q parameter is required");
        assertError(get("pub", "search", "q=a&defType=dismaxx", JSON), 400, 9012, "Unknown defType");
        assertError(get("pub", "search", "q=a&defType=edismax&qf=titles", JSON), 400, 9012, "undefined field titles");
        assertError(get("pub", "search", "q=a&sort=password+asc", JSON), 400, 9012, "Cannot sort on 'password'");
        assertError(get("pub", "search", "q=a&q.op=XOR", JSON), 400, 9012, "q.op");
        assertError(get("pub", "search", "q=a&mm=lots", JSON), 400, 9012, "mm");
        assertError(get("pub", "search", "q=a&fq=" + enc("nofield:x"), JSON), 400, 9012, "undefined field nofield");
        assertError(get("pub", "search", "q=" + enc("profile-submission-date:[yesterday TO *]"), JSON), 400, 9012,
                "Invalid date");
        assertError(get("pub", "expanded-search", "q=" + enc("(((a"), JSON), 400, 9012, "Cannot parse q");
        assertError(get("pub", "search", "q=" + enc("text:/" + "a?".repeat(60) + "/"), JSON), 400, 9012,
                "regular expressions have at most 100 characters");
        assertError(get("pub", "csv-search", "q=" + enc("keywords:a"), "text/csv"), 400, 9012,
                "undefined field keywords");
        assertThat(get("pub", "search", "q=a&wt=python&qt=/update&fl=password&rows=1", JSON).statusCode())
            .isEqualTo(200);
        assertThat(get("pub", "search", "q=a&%00=1&%20=2", JSON).statusCode()).isEqualTo(200);
        assertError(get("pub", "search", "q=" + enc("family-name:(b"), JSON), 400, 9012, "bad syntax near line 1, column");
    }

    @Test
    void hostileQueriesAnswer400OrAResultInBoundedTime() {
        List<String> hostile = new ArrayList<>(List.of("(".repeat(5000) + "a" + ")".repeat(5000),
                "*:*", "text:/(.*){1,1000}(.*){1,1000}(.*){1,1000}/", "text:/" + "a?".repeat(500) + "a".repeat(500) + "/",
                "text:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa~2", "text:*a*", "text:*", "a".repeat(20_000),
                "text:[a TO z]", "\"" + "a ".repeat(3000) + "\"~1000", "a".repeat(5) + " OR b".repeat(2000),
                "{!lucene}*:*", "{!xmlparser v='<x/>'}", "\\", "text:\u0000", "*:a", "_val_:1", "\"unclosed"));
        for (String q : hostile) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get("pub", "search", "q=" + enc(q) + "&rows=1000", JSON);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.statusCode()).as(q.length() > 80 ? q.substring(0, 80) : q).isIn(200, 400);
            assertThat(millis).as("time for " + (q.length() > 80 ? q.substring(0, 80) : q)).isLessThan(10_000);
        }
    }

    /** The iDs found for q (encoded here unless it already is), then any further {@code &name=value}s. */
    private static List<String> found(String face, String query) {
        int amp = query.indexOf('&');
        String q = amp < 0 ? query : query.substring(0, amp);
        String rest = amp < 0 ? "" : query.substring(amp);
        String encoded = "q=" + (q.contains("%") ? q : enc(q)) + rest;
        HttpResponse<String> answer = face.equals("api")
                ? Http.get(BASE + "/api/v3.0/search?" + encoded, "Accept", JSON,
                        "Authorization", "Bearer " + readPublicToken())
                : get(face, "search", encoded, JSON);
        if (answer.statusCode() != 200) {
            throw new AssertionError(query + " answered " + answer.statusCode() + ": " + answer.body());
        }
        List<String> orcids = new ArrayList<>();
        JsonNode results = Http.json(answer).get("result");
        if (results != null && !results.isNull()) {
            results.forEach(result -> orcids.add(result.get("orcid-identifier").get("path").asString()));
        }
        return orcids;
    }

    private static HttpResponse<String> get(String face, String path, String query, String accept) {
        return Http.get(BASE + "/" + face + "/v3.0/" + path + "?" + query, "Accept", accept);
    }

    private static void assertError(HttpResponse<String> answer, int status, int code, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(String.valueOf(code)).contains(message);
        if (answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
            JsonNode body = Http.json(answer);
            assertThat(body.get("response-code").asInt()).isEqualTo(status);
            assertThat(body.get("error-code").asInt()).isEqualTo(code);
            assertThat(body.get("developer-message").asString()).contains(message);
        }
    }

    private static String readPublicToken() {
        return Http.json(Http.postForm(BASE + "/oauth/token", Map.of("client_id", "APP-TEST000000000002",
                "client_secret", "test-member-secret-0002", "grant_type", "client_credentials", "scope",
                "/read-public"), "Accept", "application/json")).get("access_token").asString();
    }

    private static String webhookToken() {
        HttpResponse<String> token = Http.postForm(BASE + "/oauth/token", Map.of("client_id", "APP-TESTPREMIUM00001",
                "client_secret", "test-premium-secret-0007", "grant_type", "client_credentials", "scope", "/webhook"),
                "Accept", "application/json");
        return Http.json(token).get("access_token").asString();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
