package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.ADA_EMAIL;
import static org.orrery.support.Dance.ADA_ORCID;
import static org.orrery.support.Dance.ADA_PASSWORD;
import static org.orrery.support.Dance.BOB_EMAIL;
import static org.orrery.support.Dance.BOB_PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.OrreryNode;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Security rule 10 in a real browser: failed sign-ins slow further attempts down with growing, bounded delays,
 * per account and per source address, and the real researcher gets in after the wait. An Orrery of its own
 * with small settings (two free failures per account, eight per address, then 2 s, 4 s, 4 s...) behind a
 * "proxy": it takes the source address from {@code X-Forwarded-For}, so each test comes from an address of its own.
 */
@OwnEmbeddedDatabase
class SignInThrottleTests {

    private static final String FAILED = "Incorrect email, ORCID iD or password. Please try again.";

    private static final Pattern THROTTLED = Pattern.compile(
            "Too many failed attempts; try again in (\\d+) seconds?\\.");

    private static final String DATABASE = "jdbc:h2:mem:orrery-throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private static final Map<String, String> SETTINGS = Map.of("spring.datasource.url", DATABASE,
            "orrery.sign-in-throttle.window", "1m", "orrery.sign-in-throttle.first-delay", "2s",
            "orrery.sign-in-throttle.account-free-failures", "2", "orrery.sign-in-throttle.account-max-delay", "4s",
            "orrery.sign-in-throttle.address-free-failures", "8", "orrery.sign-in-throttle.address-max-delay", "4s",
            "server.forward-headers-strategy", "native");

    private static OrreryNode node;

    @BeforeAll
    static void start() {
        node = OrreryNode.startFresh(SETTINGS);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aBurstOfWrongPasswordsSlowsDownThenTheRightPasswordWorksAfterTheWait() throws InterruptedException {
        try (Browser browser = browserFrom("203.0.113.11")) {
            for (int i = 0; i < 2; i++) {
                HtmlPage again = signIn(browser, ADA_EMAIL, "not-ada-password");
                assertThat(text(again, "signin-error")).isEqualTo(FAILED);
                assertThat(again.getElementById("signin-throttled")).isNull();
            }

            HtmlPage third = signIn(browser, ADA_EMAIL, "not-ada-password");
            assertThat(text(third, "signin-error")).isEqualTo(FAILED);
            long firstBlock = secondsToWait(third);
            assertThat(firstBlock).isBetween(1L, 2L);

            HtmlPage refused = signIn(browser, ADA_EMAIL, ADA_PASSWORD);
            assertThat(refused.getUrl().getPath()).isEqualTo("/signin");
            assertThat(refused.getElementById("signin-error")).isNull();
            long stillBlocked = secondsToWait(refused);
            assertThat(stillBlocked).isBetween(1L, 2L);
            assertThat(browser.openHtml(base() + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");

            Thread.sleep(stillBlocked * 1000);
            long secondBlock = secondsToWait(signIn(browser, ADA_EMAIL, "not-ada-password"));
            assertThat(secondBlock).isBetween(3L, 4L);

            Thread.sleep(secondBlock * 1000);
            long boundedBlock = secondsToWait(signIn(browser, ADA_EMAIL, "not-ada-password"));
            assertThat(boundedBlock).as("the delay stops growing at the maximum").isBetween(3L, 4L);

            Thread.sleep(boundedBlock * 1000);
            HtmlPage record = signIn(browser, ADA_EMAIL, ADA_PASSWORD);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(text(record, "orcid-id")).isEqualTo(ADA_ORCID);

            List<String> history = new ArrayList<>();
            for (DomNode row : browser.openHtml(base() + "/account/history").querySelectorAll("#account-history tbody tr")) {
                history.add(((DomElement) row).getAttribute("data-event-type") + " from "
                        + row.querySelector(".address").getTextContent());
            }
            String from = " from 203.0.113.11";
            assertThat(history).containsExactly("SIGNED_IN" + from, "SIGN_IN_FAILED" + from, "SIGN_IN_FAILED" + from,
                    "SIGN_IN_THROTTLED" + from, "SIGN_IN_FAILED" + from, "SIGN_IN_FAILED" + from,
                    "SIGN_IN_FAILED" + from);
        }
        try (Browser browser = browserFrom("203.0.113.11")) {
            HtmlPage afterSuccess = signIn(browser, ADA_EMAIL, "not-ada-password");
            assertThat(text(afterSuccess, "signin-error")).isEqualTo(FAILED);
            assertThat(afterSuccess.getElementById("signin-throttled")).as("signing in cleared the count").isNull();
        }
    }

    @Test
    void anAddressTryingManyAccountsIsSlowedDownForEveryAccountButOnlyThere() {
        try (Browser sprayer = browserFrom("203.0.113.12")) {
            for (int i = 0; i < 8; i++) {
                HtmlPage again = signIn(sprayer, "someone-" + i + "@example.org", "guess-" + i);
                assertThat(again.getElementById("signin-throttled")).as("failure %d", i + 1).isNull();
            }
            HtmlPage ninth = signIn(sprayer, "someone-8@example.org", "guess-8");
            assertThat(text(ninth, "signin-error")).isEqualTo(FAILED);
            assertThat(secondsToWait(ninth)).isBetween(1L, 2L);

            HtmlPage bobFromThere = signIn(sprayer, BOB_EMAIL, BOB_PASSWORD);
            assertThat(bobFromThere.getUrl().getPath()).isEqualTo("/signin");
            assertThat(secondsToWait(bobFromThere)).isBetween(1L, 2L);
        }
        try (Browser bob = browserFrom("203.0.113.13")) {
            HtmlPage record = signIn(bob, BOB_EMAIL, BOB_PASSWORD);
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        }
    }

    @Test
    void aBlockStartedOnOneNodeHoldsOnAnotherNodeOfTheSameDatabase() {
        String account = "ghost-" + UUID.randomUUID() + "@example.org";
        try (OrreryNode other = OrreryNode.startFresh(SETTINGS); Browser browser = browserFrom("203.0.113.14")) {
            signIn(browser, account, "guess-1");
            signIn(browser, account, "guess-2");
            assertThat(secondsToWait(signIn(browser, account, "guess-3"))).isBetween(1L, 2L);

            HtmlPage onOtherNode = Browser.signIn(browser.openHtml("http://127.0.0.1:" + other.port() + "/signin"),
                    account, "guess-4");
            assertThat(onOtherNode.getUrl().getPort()).isEqualTo(other.port());
            assertThat(onOtherNode.getElementById("signin-error")).as("refused without checking").isNull();
            assertThat(secondsToWait(onOtherNode)).isBetween(1L, 2L);
        }
    }

    private static HtmlPage signIn(Browser browser, String userId, String password) {
        return Browser.signIn(browser.openHtml(base() + "/signin"), userId, password);
    }

    /** The N of "try again in N seconds" on the page, which must say it. */
    private static long secondsToWait(HtmlPage page) {
        DomElement message = page.getElementById("signin-throttled");
        assertThat(message).as("throttle message on %s", page.getUrl()).isNotNull();
        Matcher matcher = THROTTLED.matcher(message.asNormalizedText());
        assertThat(matcher.matches()).as(message.asNormalizedText()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String text(HtmlPage page, String id) {
        return page.getHtmlElementById(id).asNormalizedText();
    }

    /** A browser whose requests a proxy on this machine forwards for this address. */
    private static Browser browserFrom(String address) {
        Browser browser = new Browser();
        browser.client().addRequestHeader("X-Forwarded-For", address);
        return browser;
    }

    private static String base() {
        return "http://127.0.0.1:" + node.port();
    }
}
