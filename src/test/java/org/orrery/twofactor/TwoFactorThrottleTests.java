package org.orrery.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryNode;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Wrong codes are throttled like wrong passwords, on an Orrery of its own with small settings (two free failures,
 * then 2 s, 4 s), behind a "proxy" so that the test has a source address of its own. A right password does not
 * clear the code failures: knowing the password gives no extra guesses at the code.
 */
@OwnEmbeddedDatabase
class TwoFactorThrottleTests {

    private static final Pattern WAIT = Pattern.compile("Too many failed attempts; try again in (\\d+) seconds\\.");

    private static OrreryNode node;

    @BeforeAll
    static void start() {
        node = OrreryNode.startFresh(Map.of("spring.datasource.url",
                "jdbc:h2:mem:orrery-2fa-throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "orrery.sign-in-throttle.first-delay", "2s", "orrery.sign-in-throttle.account-free-failures", "2",
                "orrery.sign-in-throttle.account-max-delay", "4s", "orrery.sign-in-throttle.address-free-failures", "20",
                "server.forward-headers-strategy", "native"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void wrongCodesSlowFurtherCodesDownUntilTheBlockEnds() throws InterruptedException {
        NewResearcher researcher;
        Authenticator app;
        try (Browser browser = browserFrom("198.51.100.21")) {
            researcher = NewResearcher.register(browser, node.url(), "Alan", "Turing");
            app = Authenticator.enable(browser, node.url());
        }
        try (Browser browser = browserFrom("198.51.100.21")) {
            HtmlPage page = Browser.signIn(browser.openHtml(node.url() + "/signin"), researcher.email(),
                    researcher.password());
            for (int i = 0; i < 2; i++) {
                page = code(page, "00000" + i);
                assertThat(page.getElementById("two-factor-signin-error")).isNotNull();
                assertThat(page.getElementById("two-factor-signin-throttled")).isNull();
            }
            // Any wait for a fresh code step comes before the block starts: the block lasts only 2 s.
            Authenticator.awayFromStepEnd();
            page = code(page, "000009");
            assertThat(page.getElementById("two-factor-signin-error")).isNotNull();
            assertThat(secondsToWait(page)).isBetween(1L, 2L);

            HtmlPage refused = code(page, app.current());
            assertThat(refused.getUrl().getPath()).as("not checked during the block").isEqualTo("/signin/two-factor");
            long wait = secondsToWait(refused);
            assertThat(wait).isBetween(1L, 2L);
            assertThat(browser.openHtml(node.url() + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");

            Thread.sleep(wait * 1000 + 200);
            Authenticator.awayFromStepEnd();
            HtmlPage record = code(browser.openHtml(node.url() + "/signin/two-factor"), app.current());
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");

            var history = browser.openHtml(node.url() + "/account/history").querySelectorAll("#account-history tbody tr")
                .stream().map(row -> ((DomElement) row).getAttribute("data-event-type")).toList();
            assertThat(history).startsWith("SIGNED_IN", "SIGN_IN_THROTTLED", "TWO_FACTOR_FAILED", "TWO_FACTOR_FAILED",
                    "TWO_FACTOR_FAILED");
        }
    }

    @Test
    void aRightPasswordDoesNotClearTheCodeFailures() {
        NewResearcher researcher;
        try (Browser browser = browserFrom("198.51.100.22")) {
            researcher = NewResearcher.register(browser, node.url(), "Joan", "Clarke");
            Authenticator.enable(browser, node.url());
        }
        try (Browser browser = browserFrom("198.51.100.22")) {
            HtmlPage page = Browser.signIn(browser.openHtml(node.url() + "/signin"), researcher.email(),
                    researcher.password());
            page = code(code(code(page, "111111"), "222222"), "333333");
            assertThat(page.getElementById("two-factor-signin-throttled")).isNotNull();
            Thread.sleep(2200);
            // a fourth wrong code after a fresh, right password: the count went on (a 4 s block), not back to zero
            page = Browser.signIn(browser.openHtml(node.url() + "/signin"), researcher.email(), researcher.password());
            assertThat(page.getUrl().getPath()).isEqualTo("/signin/two-factor");
            assertThat(secondsToWait(code(page, "444444"))).isBetween(3L, 4L);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static HtmlPage code(HtmlPage codePage, String code) {
        Browser.type(codePage, "verificationCode", code);
        return Browser.click(codePage, "two-factor-signin-button");
    }

    private static long secondsToWait(HtmlPage page) {
        var element = page.getElementById("two-factor-signin-throttled");
        assertThat(element).as("the page says how long to wait").isNotNull();
        Matcher wait = WAIT.matcher(element.getTextContent());
        assertThat(wait.matches()).as(element.getTextContent()).isTrue();
        return Long.parseLong(wait.group(1));
    }

    private static Browser browserFrom(String address) {
        Browser browser = new Browser();
        browser.client().addRequestHeader("X-Forwarded-For", address);
        return browser;
    }
}
