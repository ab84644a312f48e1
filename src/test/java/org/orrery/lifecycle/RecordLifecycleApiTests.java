package org.orrery.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.lifecycle.LifecycleException.Code;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Every record state as integrators meet it on every API path family: public and member reads, writes, bulk
 * works, token refresh and the authorize flow; and the operator's service refusing bad input with nothing done.
 * Operator actions go through {@link RecordLifecycle}, the service the operators' console calls.
 */
class RecordLifecycleApiTests extends OrreryIntegrationTest {

    @Autowired
    RecordLifecycle lifecycle;

    private static final Actor OPERATOR = Actor.operator("test-operator");

    /** One request of a path family. */
    record Call(String family, String method, String url, String token, String body) {
        HttpResponse<String> send(String type) {
            return Subject.send(this.method, this.url, this.token, type, this.body);
        }
    }

    /** Every path family, reads with a two-legged token (which stays valid) and writes with the given one. */
    private List<Call> calls(Subject subject, String writeToken) {
        String readPublic = Subject.readPublicToken(BASE);
        String pub = BASE + "/pub/v3.0/" + subject.orcid();
        String api = BASE + "/api/v3.0/" + subject.orcid();
        String work = Subject.work("Another", "10.5555/other." + System.nanoTime());
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("public record", "GET", pub + "/record", null, null));
        calls.add(new Call("public works", "GET", pub + "/works", null, null));
        calls.add(new Call("public work", "GET", pub + "/work/" + subject.work(), null, null));
        calls.add(new Call("member record", "GET", api + "/record", readPublic, null));
        calls.add(new Call("member person", "GET", api + "/person", readPublic, null));
        calls.add(new Call("member work", "GET", api + "/work/" + subject.work(), readPublic, null));
        calls.add(new Call("bulk read", "GET", api + "/works/" + subject.work() + ",1", readPublic, null));
        calls.add(new Call("write post", "POST", api + "/work", writeToken, work));
        calls.add(new Call("write put", "PUT", api + "/work/" + subject.work(), writeToken,
                work.replaceFirst("\\{", "{\"put-code\":" + subject.work() + ",")));
        calls.add(new Call("write delete", "DELETE", api + "/work/" + subject.work(), writeToken, null));
        calls.add(new Call("bulk write", "POST", api + "/works", writeToken, "{\"bulk\":[{\"work\":" + work + "}]}"));
        return calls;
    }

    private static void assertOrcidError(HttpResponse<String> response, int status, int code, String family) {
        assertThat(response.statusCode()).as(family + ": " + response.body()).isEqualTo(status);
        JsonNode body = Http.json(response);
        assertThat(body.get("error-code").asInt()).as(family).isEqualTo(code);
        assertThat(body.get("response-code").asInt()).as(family).isEqualTo(status);
    }

    @Test
    void aLockedRecordAnswers409With9018OnEveryPathFamilyAndRefusesCodeAndRefreshGrantsUntilUnlocked() {
        Subject subject = Subject.register(BASE, PORT, "Locky");
        String code;
        try (Browser browser = new Browser()) {
            code = Dance.code(browser, BASE, PORT, Dance.MEMBER, "/read-limited", subject.email(), subject.password());
        }
        RecordState locked = this.lifecycle.lock(subject.orcid(), OPERATOR, "Spam reported by three members");
        assertThat(locked.status()).isEqualTo(RecordState.Status.LOCKED);
        assertThat(locked.reason()).isEqualTo("Spam reported by three members");

        for (Call call : calls(subject, subject.accessToken())) {
            assertOrcidError(call.send(Subject.JSON), 409, 9018, call.family());
        }
        HttpResponse<String> xml = Subject.send("GET", BASE + "/pub/v3.0/" + subject.orcid() + "/record", null,
                Subject.XML, null);
        assertThat(xml.statusCode()).isEqualTo(409);
        assertThat(xml.body()).contains("<error:error-code>9018</error:error-code>")
            .contains("409 Conflict: The ORCID record is locked and cannot be edited. ORCID " + BASE + "/"
                    + subject.orcid());
        HttpResponse<String> refresh = subject.refresh(BASE);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(Http.json(refresh).get("error").asString()).isEqualTo("unauthorized_client");
        assertThat(Http.json(refresh).get("error_description").asString())
            .isEqualTo("The ORCID record " + subject.orcid() + " is locked");

        HttpResponse<String> exchange = Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                Dance.redirectUri(PORT));
        assertThat(exchange.statusCode()).isEqualTo(400);
        assertThat(Http.json(exchange).get("error").asString()).isEqualTo("unauthorized_client");

        this.lifecycle.unlock(subject.orcid(), OPERATOR);
        HttpResponse<String> read = Subject.send("GET", BASE + "/api/v3.0/" + subject.orcid() + "/work/"
                + subject.work(), subject.accessToken(), Subject.JSON, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(subject.refresh(BASE).statusCode()).isEqualTo(200);
        assertThat(operatorEvents(subject.orcid())).contains("RECORD_LOCKED", "RECORD_UNLOCKED",
                "operator:test-operator: Spam reported by three members");
    }

    @Test
    void aLockedResearcherSignsInButTheAuthorizeFlowExplainsTheyCannotAuthorize() {
        Subject subject = Subject.register(BASE, PORT, "Authy");
        this.lifecycle.lock(subject.orcid(), OPERATOR, "Under review");
        try (Browser browser = new Browser()) {
            String url = Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited", Dance.redirectUri(PORT), "s1");
            Page landed = Browser.signIn(browser.openHtml(url), subject.email(), subject.password());
            assertThat(landed.getUrl().getPath()).isEqualTo("/account/cannot-authorize");
            assertThat(landed.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(((HtmlPage) landed).getElementById("state-message").asNormalizedText())
                .contains(subject.orcid()).contains("locked");
            // signed in all the same, and a second try goes the same way without a code reaching the client
            Page again = browser.open(url);
            assertThat(again.getUrl().getPath()).isEqualTo("/account/cannot-authorize");
            assertThat(browser.open(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/my-orcid");
            Page implicit = browser.open(url.replace("response_type=code", "response_type=token"));
            assertThat(implicit.getUrl().getPath()).isEqualTo("/account/cannot-authorize");
        }
        this.lifecycle.unlock(subject.orcid(), OPERATOR);
        try (Browser browser = new Browser()) {
            URI landed = Dance.authorize(browser, Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited",
                    Dance.redirectUri(PORT), "s2"), subject.email(), subject.password());
            assertThat(Dance.query(landed)).containsKey("code");
        }
    }

    @Test
    void aDeactivatedRecordIsClearedItsTokensStopAndTheApiAnswers409With9044() {
        Subject subject = Subject.register(BASE, PORT, "Deacty");
        this.lifecycle.deactivate(subject.orcid(), OPERATOR);

        HttpResponse<String> oldToken = Subject.send("GET", BASE + "/api/v3.0/" + subject.orcid() + "/record",
                subject.accessToken(), Subject.JSON, null);
        assertThat(oldToken.statusCode()).isEqualTo(401);
        assertThat(oldToken.body()).contains("invalid_token");
        // writes with a client's own token still meet the state before the missing scope
        for (Call call : calls(subject, Subject.readPublicToken(BASE))) {
            assertOrcidError(call.send(Subject.JSON), 409, 9044, call.family());
        }
        JsonNode error = Http.json(Subject.send("GET", BASE + "/pub/v3.0/" + subject.orcid() + "/record", null,
                Subject.JSON, null));
        assertThat(error.get("developer-message").asString()).isEqualTo(
                "409 Conflict: The ORCID record is deactivated and cannot be edited. ORCID " + BASE + "/"
                        + subject.orcid());
        assertThat(error.get("user-message").asString()).isEqualTo("The ORCID record is deactivated.");
        HttpResponse<String> refresh = subject.refresh(BASE);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(Http.json(refresh).get("error_description").asString()).endsWith(" is deactivated");

        this.lifecycle.reactivate(subject.orcid(), OPERATOR);
        JsonNode record = Http.json(Subject.send("GET", BASE + "/pub/v3.0/" + subject.orcid() + "/record", null,
                Subject.JSON, null));
        assertThat(record.at("/person/name/given-names/value").asString()).isEqualTo("Given Names Deactivated");
        assertThat(record.at("/person/name/family-name/value").asString()).isEqualTo("Family Name Deactivated");
        assertThat(record.at("/activities-summary/works/group").size()).isZero();
        // tokens revoked by the deactivation stay revoked
        assertThat(subject.refresh(BASE).statusCode()).isEqualTo(400);
        assertThat(operatorEvents(subject.orcid())).contains("RECORD_DEACTIVATED", "RECORD_REACTIVATED");
    }

    @Test
    void aDeprecatedRecordRedirectsReadsWith301ToTheKeptRecordAndRefusesEverythingElseWith9007() {
        Subject gone = Subject.register(BASE, PORT, "Dupy");
        Subject kept = Subject.register(BASE, PORT, "Keepy");
        this.lifecycle.deprecate(gone.orcid(), kept.orcid(), OPERATOR);

        for (Call call : calls(gone, Subject.readPublicToken(BASE))) {
            HttpResponse<String> response = call.send(Subject.JSON);
            if (call.method().equals("GET")) {
                assertOrcidError(response, 301, 9007, call.family());
                assertThat(response.headers().firstValue("Location")).as(call.family())
                    .hasValue(call.url().replace(gone.orcid(), kept.orcid()));
            }
            else {
                assertOrcidError(response, 409, 9007, call.family());
                assertThat(response.headers().firstValue("Location")).isEmpty();
            }
        }
        JsonNode error = Http.json(Subject.send("GET", BASE + "/pub/v3.0/" + gone.orcid(), null, Subject.JSON,
                null));
        assertThat(error.get("developer-message").asString()).isEqualTo("301 Moved Permanently: This account is"
                + " deprecated. Please refer to account: " + BASE + "/" + kept.orcid() + ". ORCID " + BASE + "/"
                + gone.orcid());
        assertThat(Subject.send("GET", BASE + "/api/v3.0/" + gone.orcid() + "/record", gone.accessToken(),
                Subject.JSON, null).statusCode()).isEqualTo(401);
        assertThat(Http.json(gone.refresh(BASE)).get("error_description").asString())
            .isEqualTo("The ORCID record " + gone.orcid() + " is deprecated; its primary record is " + kept.orcid());
        // the kept record is untouched and reachable where the redirect points
        assertThat(Subject.send("GET", BASE + "/api/v3.0/" + kept.orcid() + "/work/" + kept.work(),
                kept.accessToken(), Subject.JSON, null).statusCode()).isEqualTo(200);
        RecordState state = this.lifecycle.stateOf(gone.orcid());
        assertThat(state.status()).isEqualTo(RecordState.Status.DEPRECATED);
        assertThat(state.deprecatedInto()).isEqualTo(kept.orcid());
        assertThat(operatorEvents(kept.orcid())).contains("RECORD_MERGED", "from " + gone.orcid());
    }

    @Test
    void badInputIsRefusedWithAClearCodeAndChangesNothing() {
        Subject subject = Subject.register(BASE, PORT, "Baddy");
        Subject other = Subject.register(BASE, PORT, "Othy");
        assertRefused(() -> this.lifecycle.lock("0000-0001-2345-6789", OPERATOR, "x"), Code.UNKNOWN_RECORD);
        assertRefused(() -> this.lifecycle.lock("not-an-id", OPERATOR, "x"), Code.UNKNOWN_RECORD);
        assertRefused(() -> this.lifecycle.unlock(null, OPERATOR), Code.UNKNOWN_RECORD);
        assertRefused(() -> this.lifecycle.lock(subject.orcid(), OPERATOR, " "), Code.INVALID_ARGUMENT);
        assertRefused(() -> this.lifecycle.lock(subject.orcid(), OPERATOR, "x".repeat(501)), Code.INVALID_ARGUMENT);
        assertRefused(() -> this.lifecycle.unlock(subject.orcid(), OPERATOR), Code.ALREADY_IN_STATE);
        assertRefused(() -> this.lifecycle.reactivate(subject.orcid(), OPERATOR), Code.ALREADY_IN_STATE);
        assertRefused(() -> this.lifecycle.deprecate(subject.orcid(), subject.orcid(), OPERATOR), Code.SAME_RECORD);
        assertRefused(() -> this.lifecycle.deprecate(subject.orcid(), "https://orcid.org/" + subject.orcid(),
                OPERATOR), Code.SAME_RECORD);
        assertRefused(() -> this.lifecycle.deprecate(subject.orcid(), "0000-0001-2345-6789", OPERATOR),
                Code.UNKNOWN_RECORD);

        this.lifecycle.deactivate(other.orcid(), OPERATOR);
        assertRefused(() -> this.lifecycle.deprecate(subject.orcid(), other.orcid(), OPERATOR),
                Code.TARGET_NOT_ACTIVE);
        assertRefused(() -> this.lifecycle.deactivate(other.orcid(), OPERATOR), Code.ALREADY_IN_STATE);
        assertRefused(() -> this.lifecycle.lock(other.orcid(), OPERATOR, "x"), Code.WRONG_STATE);
        // the refused merge left the record whole: active, its work readable, its token working
        assertThat(this.lifecycle.stateOf(subject.orcid()).status()).isEqualTo(RecordState.Status.ACTIVE);
        assertThat(Subject.send("GET", BASE + "/api/v3.0/" + subject.orcid() + "/work/" + subject.work(),
                subject.accessToken(), Subject.JSON, null).statusCode()).isEqualTo(200);

        this.lifecycle.deprecate(subject.orcid(), Subject.register(BASE, PORT, "Thirdy").orcid(), OPERATOR);
        assertRefused(() -> this.lifecycle.deprecate(subject.orcid(), other.orcid(), OPERATOR),
                Code.ALREADY_IN_STATE);
        assertRefused(() -> this.lifecycle.reactivate(subject.orcid(), OPERATOR), Code.WRONG_STATE);
    }

    private static void assertRefused(Runnable action, Code code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(LifecycleException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.getMessage()).startsWith(code.name() + ": ").hasSizeGreaterThan(code.name().length() + 10);
        });
    }

    private static String operatorEvents(String orcid) {
        HttpResponse<String> events = Http.get(BASE + "/admin/audit-events?orcid=" + orcid, "Authorization",
                "Bearer " + OPERATOR_TOKEN);
        assertThat(events.statusCode()).isEqualTo(200);
        return events.body();
    }
}
