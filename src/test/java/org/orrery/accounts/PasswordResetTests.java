package org.orrery.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.SmtpNodes;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password reset by mail (ORCID wave 2 §5.2) on a node that sends through a real SMTP server: the same answer for
 * any address, a link to known ones that works once, only the newest, for four hours, which ends the researcher's
 * other sessions, clears the sign-in throttle, is mailed about and audited; clear pages for every bad link.
 */
class PasswordResetTests extends OrreryIntegrationTest {

    private static final String SENT = "If this address belongs to an account, we have sent it a link to reset the"
            + " password (valid for 4 hours) and the account's ORCID iD. Check your inbox and spam folder.";

    private static GreenMail smtp;

    private static OrreryNode node;

    @BeforeEach
    void shared() {
        node = SmtpNodes.first();
        smtp = SmtpNodes.smtp();
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheKnownOneGetsALinkAndTheId() throws Exception {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
            HtmlPage known = request(browser, researcher.email().toUpperCase());
            HtmlPage other = request(browser, unknown);
            assertThat(known.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(other.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(known.getElementById("reset-requested").asNormalizedText()).isEqualTo(SENT);
            assertThat(other.getElementById("reset-requested").asNormalizedText()).isEqualTo(SENT);

            String link = AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/");
            assertThat(link).startsWith(base() + "/reset-password/");
            var mail = SmtpNodes.to(smtp, researcher.email()).get(1);
            assertThat(mail.getSubject()).isEqualTo("Reset your Orrery password");
            assertThat(AccountsNode.text(mail)).contains("Your ORCID iD is " + researcher.orcid());
            Thread.sleep(1000);
            assertThat(SmtpNodes.to(smtp, unknown)).isEmpty();
        }
    }

    @Test
    void theLinkSetsANewPasswordOnceEndsOtherSessionsAndTellsTheResearcher() throws Exception {
        try (Browser signedIn = AccountsNode.from(source()); Browser forgetful = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(signedIn, base(), smtp, true);
            assertThat(signedIn.openHtml(base() + "/my-orcid").getUrl().getPath()).isEqualTo("/my-orcid");
            request(forgetful, researcher.email());
            String link = AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/");

            String newPassword = "new-" + UUID.randomUUID();
            HtmlPage done = reset(forgetful, link, newPassword, newPassword);
            assertThat(done.getElementById("reset-done").asNormalizedText()).startsWith("Your password was changed");

            assertThat(signedIn.openHtml(base() + "/my-orcid").getUrl().getPath())
                .as("the other session was ended").isEqualTo("/signin");
            var notice = SmtpNodes.await(smtp, researcher.email(), 3, 20_000);
            assertThat(notice.get(2).getSubject()).isEqualTo("Your Orrery password was changed");
            assertThat(AccountsNode.text(notice.get(2))).doesNotContain(newPassword);

            try (Browser later = AccountsNode.from(source())) {
                HtmlPage old = Browser.signIn(later.openHtml(base() + "/signin"), researcher.email(), researcher.password());
                assertThat(old.getUrl().getPath()).isEqualTo("/signin");
            }
            try (Browser later = AccountsNode.from(source())) {
                HtmlPage record = Browser.signIn(later.openHtml(base() + "/signin"), researcher.orcid(), newPassword);
                assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
            }

            HtmlPage again = forgetful.openHtml(link);
            assertThat(again.getWebResponse().getStatusCode()).isEqualTo(410);
            assertThat(again.getElementById("link-problem").asNormalizedText())
                .startsWith("This password-reset link has already been used.");

            HttpResponse<String> audit = Http.get(node.url() + "/admin/audit-events?orcid=" + researcher.orcid()
                    + "&type=PASSWORD_RESET", "Authorization", "Bearer " + OPERATOR_TOKEN);
            assertThat(JsonMapper.builder().build().readTree(audit.body()).path("events")).hasSize(1);
        }
    }

    @Test
    void onlyTheNewestLinkWorks() {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            request(browser, researcher.email());
            request(browser, researcher.email());
            String older = AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/");
            String newer = AccountsNode.link(smtp, researcher.email(), 3, "/reset-password/");
            HtmlPage superseded = browser.openHtml(older);
            assertThat(superseded.getWebResponse().getStatusCode()).isEqualTo(410);
            assertThat(superseded.getElementById("link-problem").asNormalizedText())
                .startsWith("A newer password-reset link was sent after this one");
            HtmlPage form = browser.openHtml(newer);
            assertThat(form.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(form.getElementById("retypedPassword")).isNotNull();
            assertThat(form.getElementById("verificationCode")).as("no second factor on this account").isNull();
        }
    }

    @Test
    void aResetClearsTheSignInThrottleOfTheAccount() {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            try (Browser attacker = AccountsNode.from(source())) {
                for (int i = 0; i < 2; i++) {
                    Browser.signIn(attacker.openHtml(base() + "/signin"), researcher.email(), "wrong-password");
                }
            }
            try (Browser owner = AccountsNode.from(source())) {
                HtmlPage blocked = Browser.signIn(owner.openHtml(base() + "/signin"), researcher.email(),
                        researcher.password());
                assertThat(blocked.getElementById("signin-throttled")).as("the account is blocked").isNotNull();
                request(owner, researcher.email());
                String newPassword = "new-" + UUID.randomUUID();
                reset(owner, AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/"), newPassword,
                        newPassword);
                HtmlPage record = Browser.signIn(owner.openHtml(base() + "/signin"), researcher.email(), newPassword);
                assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
            }
        }
    }

    @Test
    void requestsAreThrottledPerAddressAndPerSource() {
        String address = "t-" + UUID.randomUUID() + "@example.org";
        try (Browser browser = AccountsNode.from(source())) {
            for (int i = 0; i < 3; i++) {
                assertThat(request(browser, address).getWebResponse().getStatusCode()).isEqualTo(200);
            }
            HtmlPage throttled = request(browser, address);
            assertThat(throttled.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(throttled.getElementById("reset-throttled").asNormalizedText())
                .isEqualTo("Too many reset requests for this address or from your network. Please try again in an hour.");
        }
        try (Browser elsewhere = AccountsNode.from(source())) {
            assertThat(request(elsewhere, address).getWebResponse().getStatusCode()).as("per address, from anywhere")
                .isEqualTo(429);
        }
        try (Browser busy = AccountsNode.from(source())) {
            for (int i = 0; i < 20; i++) {
                assertThat(request(busy, "u-" + UUID.randomUUID() + "@example.org").getWebResponse().getStatusCode())
                    .isEqualTo(200);
            }
            assertThat(request(busy, "u-" + UUID.randomUUID() + "@example.org").getWebResponse().getStatusCode())
                .as("per source").isEqualTo(429);
        }
    }

    @Test
    void badLinksAndBadPasswordsGetClearPages() {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, false);
            String verification = AccountsNode.link(smtp, researcher.email(), 1, "/verify-email/");
            String foreign = base() + "/reset-password/" + verification.substring(verification.lastIndexOf('/') + 1);
            for (String link : new String[] { base() + "/reset-password/abc", base() + "/reset-password/" + "A".repeat(43),
                    foreign, base() + "/reset-password/%00%27%3Cscript%3E" }) {
                HtmlPage page = browser.openHtml(link);
                assertThat(page.getWebResponse().getStatusCode()).as(link).isIn(400, 404);
                if (page.getWebResponse().getStatusCode() == 404 && page.getElementById("link-problem") != null) {
                    assertThat(page.getElementById("link-problem").asNormalizedText())
                        .startsWith("This password-reset link is not valid.");
                }
            }
            HtmlPage unknown = browser.openHtml(base() + "/reset-password/" + "A".repeat(43));
            assertThat(unknown.getElementById("link-problem").asNormalizedText())
                .startsWith("This password-reset link is not valid.");

            request(browser, researcher.email());
            String link = AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/");
            HtmlPage mismatch = reset(browser, link, "first-password-1", "second-password-2");
            assertThat(mismatch.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(mismatch.getElementById("reset-error").asNormalizedText()).isEqualTo(
                    "The two passwords are not the same.");
            HtmlPage tooShort = reset(browser, link, "short", "short");
            assertThat(tooShort.getElementById("reset-error").asNormalizedText()).isEqualTo(
                    "The password must be at least 8 characters.");
            assertThat(reset(browser, link, "long-enough-1", "long-enough-1").getElementById("reset-done"))
                .as("a refused attempt leaves the link usable").isNotNull();
        }
    }

    @Test
    void withTwoFactorOnTheResetAsksForAValidCode() {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, true);
            List<String> backupCodes = TwoFactorReset.enable(browser, base());
            request(browser, researcher.email());
            // Mail 1 verified the address, mail 2 said two-factor was turned on.
            String link = AccountsNode.link(smtp, researcher.email(), 3, "/reset-password/");
            HtmlPage form = browser.openHtml(link);
            assertThat(form.getElementById("verificationCode")).as("the code is asked for").isNotNull();

            String newPassword = "new-" + UUID.randomUUID();
            Browser.type(form, "password", newPassword);
            Browser.type(form, "retypedPassword", newPassword);
            Browser.type(form, "verificationCode", "000000");
            HtmlPage refused = Browser.click(form, "reset-button");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getElementById("reset-error").asNormalizedText()).startsWith(
                    "That two-factor code is not valid.");

            form = browser.openHtml(link);
            Browser.type(form, "password", newPassword);
            Browser.type(form, "retypedPassword", newPassword);
            Browser.type(form, "verificationCode", backupCodes.get(0));
            assertThat(Browser.<HtmlPage>click(form, "reset-button").getElementById("reset-done")).isNotNull();
        }
    }

    @Test
    void aLinkExpiresAfterItsLifetime() throws Exception {
        try (Browser browser = AccountsNode.from(source())) {
            var researcher = AccountsNode.register(browser, base(), smtp, false);
            request(browser, researcher.email());
            String link = AccountsNode.link(smtp, researcher.email(), 2, "/reset-password/");
            // The link's end is its creation plus the configured lifetime; rather than wait the lifetime out, the
            // clock of the stored link is moved back by one lifetime and a second.
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            Map<String, Object> issued = jdbc.queryForMap("SELECT created_at, expires_at FROM account_token"
                    + " WHERE orcid = ? AND purpose = 'RESET_PASSWORD' AND superseded_at IS NULL", researcher.orcid());
            Instant created = instant(issued.get("created_at"));
            Instant expires = instant(issued.get("expires_at"));
            assertThat(Duration.between(created, expires)).isEqualTo(SmtpNodes.RESET_LINK_LIFETIME);
            Duration back = SmtpNodes.RESET_LINK_LIFETIME.plusSeconds(1);
            jdbc.update("UPDATE account_token SET created_at = ?, expires_at = ? WHERE orcid = ?"
                    + " AND purpose = 'RESET_PASSWORD'", Timestamp.from(created.minus(back)),
                    Timestamp.from(expires.minus(back)), researcher.orcid());
            HtmlPage expired = browser.openHtml(link);
            assertThat(expired.getWebResponse().getStatusCode()).isEqualTo(410);
            assertThat(expired.getElementById("link-problem").asNormalizedText())
                .startsWith("This password-reset link has expired");
            assertThat(expired.getElementById("new-reset-link")).isNotNull();
        }
    }

    /** A TIMESTAMP WITH TIME ZONE as the driver gives it (H2: OffsetDateTime; PostgreSQL: Timestamp). */
    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    private static HtmlPage request(Browser browser, String email) {
        HtmlPage form = browser.openHtml(base() + "/signin");
        HtmlPage reset = Browser.click(form, "reset-password-link");
        Browser.type(reset, "email", email);
        return Browser.click(reset, "reset-request-button");
    }

    private static HtmlPage reset(Browser browser, String link, String password, String retyped) {
        HtmlPage form = browser.openHtml(link);
        Browser.type(form, "password", password);
        Browser.type(form, "retypedPassword", retyped);
        return Browser.click(form, "reset-button");
    }

    private static String source() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private static String base() {
        return "http://localhost:" + node.port();
    }
}
