package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.MEMBER;
import static org.orrery.support.Dance.MEMBER_SECRET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.Tokens;

/**
 * Two nodes on one database (PostgreSQL in CI's second run, a shared in-memory H2 otherwise): the shared test
 * server is node A, a second application is node B. Sessions, codes, tokens and revocations live in the database,
 * so the steps of one dance may alternate between nodes. Each node keeps rendered answers by record version,
 * which is in the database too, so a write through one node shows on the other's next read.
 */
class StatelessNodesTests extends OrreryIntegrationTest {

    private static final String SCOPE = "/read-limited /activities/update";

    private static final String[] READ_FORMATS = { "application/vnd.orcid+json", "application/vnd.orcid+xml" };

    private static OrreryNode nodeB;

    @BeforeAll
    static void startNodeB() {
        nodeB = OrreryNode.start(Map.of("server.port", String.valueOf(freePort()), "orrery.base-url", BASE,
                "spring.datasource.url", DATASOURCE_URL, "spring.datasource.username", DATASOURCE_USERNAME,
                "spring.datasource.password", DATASOURCE_PASSWORD, "orrery.seed-file", testSeedFile()));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void danceWhoseStepsAlternateBetweenNodesWorksAndReuseOnOneNodeRevokesOnBoth() throws Exception {
        try (Browser browser = new Browser()) {
            String redirect = Dance.redirectUri(PORT);
            // prompt=confirm: the consent screen is shown even if another test left a grant with these scopes
            HtmlPage signIn = browser.openHtml(
                    Dance.authorizeUrl(BASE, MEMBER, "openid " + SCOPE, redirect, "two-nodes") + "&prompt=confirm");
            HtmlPage consentOnA = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            assertThat(consentOnA.getUrl().getPort()).isEqualTo(PORT);
            assertThat(consentOnA.getUrl().getPath()).isEqualTo("/oauth/consent");

            HtmlPage consentOnB = browser.openHtml(onNode(consentOnA.getUrl(), nodeB.port()));
            assertThat(consentOnB.getHtmlElementById("researcher-name").asNormalizedText()).isEqualTo("Ada Lovelace");
            HtmlForm decision = consentOnB.getHtmlElementById("authorize-form");
            assertThat(consentOnB.getFullyQualifiedUrl(decision.getActionAttribute()).getPort())
                .isEqualTo(nodeB.port());
            URI landed = Dance.toUri(Browser.click(consentOnB, "authorize"));
            Map<String, String> query = Dance.query(landed);
            assertThat(query.get("state")).isEqualTo("two-nodes");
            assertThat(query.get("iss")).isEqualTo(BASE);
            String code = query.get("code");
            assertThat(code).matches("[0-9a-zA-Z]{6}");

            HttpResponse<String> token = exchange(BASE, code, redirect);
            assertThat(token.statusCode()).isEqualTo(200);
            String accessToken = Http.json(token).get("access_token").asString();
            assertThat(readRecord(nodeB.url(), accessToken).statusCode()).isEqualTo(200);

            HttpResponse<String> reuse = exchange(nodeB.url(), code, redirect);
            assertThat(reuse.body()).isEqualTo(
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Reused authorization code: " + code + "\"}");
            assertThat(readRecord(BASE, accessToken).statusCode()).isEqualTo(401);
            assertThat(readRecord(nodeB.url(), accessToken).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() {
        try (Browser browser = new Browser()) {
            HtmlPage signIn = browser.openHtml(BASE + "/signin");
            HtmlPage signedIn = Browser.signIn(signIn, ADA_EMAIL, ADA_PASSWORD);
            assertThat(signedIn.getUrl().getPath()).isEqualTo("/my-orcid");
            HtmlPage onB = browser.openHtml(nodeB.url() + "/my-orcid");
            assertThat(onB.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(onB.asNormalizedText()).contains(ADA_ORCID);

            HtmlButton signOut = onB.getFirstByXPath("//form[@action='/signout']/button");
            HtmlPage signedOut = click(signOut);
            assertThat(signedOut.getUrl().getPort()).isEqualTo(nodeB.port());
            HtmlPage afterSignOut = browser.openHtml(BASE + "/my-orcid");
            assertThat(afterSignOut.getUrl().getPath()).isEqualTo("/signin");
        }
    }

    @Test
    void aWriteThroughOneNodeShowsOnTheOtherNodesNextRead() {
        String token = Tokens.threeLegged(BASE, PORT, SCOPE).get("access_token").asString();
        String title = "Written through node A " + UUID.randomUUID();
        for (String accept : READ_FORMATS) {
            assertThat(readRecord(nodeB.url(), token, accept).body()).doesNotContain(title);
        }
        HttpResponse<String> created = Http.post(BASE + "/api/v3.0/" + ADA_ORCID + "/work", work(title),
                "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json", "Accept",
                "application/vnd.orcid+json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (String accept : READ_FORMATS) {
            assertThat(readRecord(nodeB.url(), token, accept).body()).contains(title);
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(Http.delete(location, "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
        for (String accept : READ_FORMATS) {
            assertThat(readRecord(nodeB.url(), token, accept).body()).doesNotContain(title);
        }
    }

    /**
     * A client's name is the source name of the items it added. Node B, started on node A's database with a seed
     * file that renames the client, changes what node A serves next.
     */
    @Test
    void aClientRenamedThroughOneNodeIsTheSourceNameTheOtherServesNext(@TempDir Path dir) throws IOException {
        String database = "jdbc:h2:mem:orrery-rename-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (OrreryNode first = OrreryNode.startFresh(Map.of("spring.datasource.url", database))) {
            String base = "http://127.0.0.1:" + first.port();
            String token;
            try (Browser browser = new Browser()) {
                String code = Dance.code(browser, base, first.port(), MEMBER, SCOPE, ADA_EMAIL, ADA_PASSWORD);
                token = Http.json(Tokens.exchange(base, MEMBER, MEMBER_SECRET, code, Dance.redirectUri(first.port())))
                    .get("access_token")
                    .asString();
            }
            HttpResponse<String> created = Http.post(base + "/api/v3.0/" + ADA_ORCID + "/work", work("Renamed source"),
                    "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(readRecord(base, token, "application/vnd.orcid+json").body())
                .contains("\"source-name\":{\"value\":\"Test Member Integration\"}");

            Path renamed = dir.resolve("renamed-seed.yml");
            Files.writeString(renamed, Files.readString(Path.of(testSeedFile()))
                .replace("Test Member Integration", "Renamed Member Integration"));
            try (OrreryNode second = OrreryNode.startFresh(
                    Map.of("spring.datasource.url", database, "orrery.seed-file", renamed.toString()))) {
                assertThat(readRecord(base, token, "application/vnd.orcid+json").body())
                    .contains("\"source-name\":{\"value\":\"Renamed Member Integration\"}")
                    .doesNotContain("Test Member Integration");
            }
        }
    }

    private static String work(String title) {
        return "{\"title\":{\"title\":{\"value\":\"" + title + "\"}},\"type\":\"journal-article\","
                + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\"10.9200/"
                + UUID.randomUUID() + "\",\"external-id-relationship\":\"self\"}]}}";
    }

    private static HttpResponse<String> readRecord(String node, String accessToken, String accept) {
        return Http.get(node + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization", "Bearer " + accessToken,
                "Accept", accept);
    }

    private static HtmlPage click(HtmlButton button) {
        try {
            return button.click();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String onNode(URL url, int port) {
        return "http://localhost:" + port + url.getFile();
    }

    private static HttpResponse<String> exchange(String node, String code, String redirectUri) {
        return Http.postForm(node + "/oauth/token", Map.of("client_id", MEMBER, "client_secret", MEMBER_SECRET,
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri),
                "Accept", "application/json");
    }

    private static HttpResponse<String> readRecord(String node, String accessToken) {
        return Http.get(node + "/api/v3.0/" + ADA_ORCID + "/record", "Authorization", "Bearer " + accessToken,
                "Accept", "application/vnd.orcid+json");
    }
}
