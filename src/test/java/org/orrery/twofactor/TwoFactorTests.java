package org.orrery.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import com.nimbusds.jwt.SignedJWT;

import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.DatabaseContents;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two-factor sign-in in a browser: turning it on (QR code, key, first code, backup codes once), signing in with a
 * code or a backup code (each accepted once), inside an OAuth dance, {@code amr}, turning it off, and the secret
 * encrypted at rest.
 */
class TwoFactorTests extends OrreryIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void turningOnShowsAQrCodeOfTheKeyThenTheBackupCodesOnce() throws Exception {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Grace", "Hopper");
            HtmlPage off = browser.openHtml(BASE + "/account/two-factor");
            assertThat(off.getHtmlElementById("two-factor-status").getTextContent()).isEqualTo(
                    "Two-factor sign-in is off.");

            HtmlPage setUp = Browser.click(off, "two-factor-enable");
            String secret = setUp.getHtmlElementById("totp-secret").getTextContent().trim();
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(qrText(setUp)).isEqualTo("otpauth://totp/Orrery:" + researcher.orcid() + "?secret=" + secret
                    + "&issuer=Orrery&algorithm=SHA1&digits=6&period=30");

            Browser.type(setUp, "verificationCode", "123");
            HtmlPage wrong = Browser.click(setUp, "two-factor-confirm");
            assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(wrong.getHtmlElementById("two-factor-error").getTextContent())
                .isEqualTo("That code is not right, or was already used. Type the current code.");
            assertThat(wrong.getHtmlElementById("totp-secret").getTextContent().trim()).as("the same key")
                .isEqualTo(secret);

            Authenticator.awayFromStepEnd();
            var app = new Authenticator(secret, List.of());
            Browser.type(wrong, "verificationCode", app.previous().substring(0, 3) + " " + app.previous().substring(3));
            HtmlPage codes = Browser.click(wrong, "two-factor-confirm");
            assertThat(codes.getHtmlElementById("two-factor-enabled").getTextContent())
                .isEqualTo("Two-factor sign-in is on.");
            List<String> backup = texts(codes, ".backup-code");
            assertThat(backup).hasSize(14).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z2-9]{10}"));

            HtmlPage on = browser.openHtml(BASE + "/account/two-factor");
            assertThat(on.querySelectorAll(".backup-code")).as("shown once").isEmpty();
            assertThat(on.asNormalizedText()).doesNotContain(backup.get(0)).doesNotContain(secret);
            assertThat(on.getHtmlElementById("backup-codes-left").getTextContent()).isEqualTo("Backup codes left: 14");
            assertThat(browser.openHtml(BASE + "/account").getHtmlElementById("account-two-factor-status")
                .getTextContent()).isEqualTo("Two-factor sign-in is on.");

            assertThat(history(browser)).first().isEqualTo("TWO_FACTOR_ENABLED");
            assertThat(mailTo(researcher.email())).contains("two-factor-enabled|Two-factor sign-in is on for your Orrery account");
        }
    }

    @Test
    void aRightPasswordOnlyLeadsToTheCodePageAndTheCodeSignsIn() {
        Authenticator app;
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Katherine", "Johnson");
            app = Authenticator.enable(browser, BASE);
        }
        try (Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(),
                    researcher.password());
            assertThat(codePage.getUrl().getPath()).isEqualTo("/signin/two-factor");
            assertThat(codePage.getElementById("verificationCode")).isNotNull();

            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).as("not signed in yet")
                .isEqualTo("/signin");
            assertThat(browser.openHtml(BASE + "/account").getUrl().getPath()).isEqualTo("/signin");

            HtmlPage again = browser.openHtml(BASE + "/signin/two-factor");
            Browser.type(again, "verificationCode", app.current());
            HtmlPage account = Browser.click(again, "two-factor-signin-button");
            assertThat(account.getUrl().getPath()).as("back to the page last asked for").isEqualTo("/account");
            HtmlPage record = browser.openHtml(BASE + "/my-orcid");
            assertThat(record.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(researcher.orcid());
        }
        try (Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.orcid(),
                    researcher.password());
            Browser.type(codePage, "verificationCode", app.current());
            HtmlPage refused = Browser.click(codePage, "two-factor-signin-button");
            assertThat(refused.getUrl().getPath()).as("a code is accepted once").isEqualTo("/signin/two-factor");
            assertThat(refused.getHtmlElementById("two-factor-signin-error").getTextContent())
                .isEqualTo("That code is not right, or was already used. Please try again.");
            assertThat(browser.openHtml(BASE + "/my-orcid").getUrl().getPath()).isEqualTo("/signin");
        }
    }

    @Test
    void eachBackupCodeSignsInOnce() {
        Authenticator app;
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Dorothy", "Vaughan");
            app = Authenticator.enable(browser, BASE);
        }
        String backup = app.backupCodes().get(3);
        try (Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(),
                    researcher.password());
            Browser.type(codePage, "verificationCode", backup.toUpperCase());
            HtmlPage record = Browser.click(codePage, "two-factor-signin-button");
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(browser.openHtml(BASE + "/account/two-factor").getHtmlElementById("backup-codes-left")
                .getTextContent()).isEqualTo("Backup codes left: 13");
            assertThat(history(browser)).startsWith("SIGNED_IN", "TWO_FACTOR_BACKUP_CODE_USED");
        }
        try (Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(),
                    researcher.password());
            Browser.type(codePage, "verificationCode", backup);
            HtmlPage refused = Browser.click(codePage, "two-factor-signin-button");
            assertThat(refused.getUrl().getPath()).isEqualTo("/signin/two-factor");
            assertThat(refused.getElementById("two-factor-signin-error")).isNotNull();

            Page silent = browser.open(Dance.authorizeUrl(BASE, Dance.MEMBER, "openid", Dance.redirectUri(PORT), "s")
                    + "&nonce=n&prompt=none");
            assertThat(Dance.query(Dance.toUri(silent))).as("awaiting a code is not being signed in")
                .containsEntry("error", "login_required");
        }
    }

    @Test
    void anAuthorizationWaitsForTheCodeThenContinuesToConsentAndTheIdTokenSaysMfa() throws Exception {
        Authenticator app;
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Mary", "Jackson");
            app = Authenticator.enable(browser, BASE);
        }
        String authorize = Dance.authorizeUrl(BASE, Dance.MEMBER, "openid", Dance.redirectUri(PORT), "st-2fa")
                + "&nonce=n-2fa";
        try (Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(authorize), researcher.email(), researcher.password());
            assertThat(codePage.getUrl().getPath()).isEqualTo("/signin/two-factor");

            Page stillOut = browser.open(authorize);
            assertThat(stillOut.getUrl().getPath()).as("no authorization before the code").isEqualTo("/signin");

            codePage = browser.openHtml(BASE + "/signin/two-factor");
            Browser.type(codePage, "verificationCode", app.current());
            HtmlPage consent = Browser.click(codePage, "two-factor-signin-button");
            assertThat(consent.getUrl().getPath()).isEqualTo("/oauth/consent");
            assertThat(consent.getElementById("authorize")).as("the consent screen").isNotNull();
            URI landed = Dance.toUri(Browser.click(consent, "authorize"));
            assertThat(Dance.query(landed)).containsEntry("state", "st-2fa").containsKey("code");

            var tokens = Http.json(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET,
                    Dance.query(landed).get("code"), Dance.redirectUri(PORT)));
            var claims = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo(researcher.orcid());
            assertThat(claims.getStringListClaim("amr")).containsExactly("mfa");
        }
    }

    @Test
    void turningOffNeedsThePasswordAndACode() {
        Authenticator app;
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Annie", "Easley");
            app = Authenticator.enable(browser, BASE);

            HtmlPage on = browser.openHtml(BASE + "/account/two-factor");
            Browser.type(on, "password", "not-the-password");
            Browser.type(on, "verificationCode", app.backupCodes().get(0));
            HtmlPage wrongPassword = Browser.click(on, "two-factor-disable");
            assertThat(wrongPassword.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(wrongPassword.getHtmlElementById("two-factor-error").getTextContent())
                .isEqualTo("That password is not right.");

            Browser.type(wrongPassword, "password", researcher.password());
            Browser.type(wrongPassword, "verificationCode", "000000");
            HtmlPage wrongCode = Browser.click(wrongPassword, "two-factor-disable");
            assertThat(wrongCode.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(wrongCode.getHtmlElementById("two-factor-status").getTextContent()).startsWith(
                    "Two-factor sign-in is on");

            Browser.type(wrongCode, "password", researcher.password());
            Browser.type(wrongCode, "verificationCode", app.backupCodes().get(0));
            HtmlPage off = Browser.click(wrongCode, "two-factor-disable");
            assertThat(off.getUrl().toString()).endsWith("/account/two-factor?disabled");
            assertThat(off.getHtmlElementById("two-factor-disabled").getTextContent())
                .isEqualTo("Two-factor sign-in is off.");
            assertThat(history(browser)).first().isEqualTo("TWO_FACTOR_DISABLED");
            assertThat(mailTo(researcher.email())).contains("two-factor-disabled|Two-factor sign-in is off for your Orrery account");
        }
        try (Browser browser = new Browser()) {
            HtmlPage record = Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(),
                    researcher.password());
            assertThat(record.getUrl().getPath()).as("the password alone again").isEqualTo("/my-orcid");
        }
    }

    @Test
    void theSecretAndTheBackupCodesAreNotInTheDatabaseInClear() {
        Authenticator app;
        try (Browser browser = new Browser()) {
            NewResearcher.register(browser, BASE, "Hedy", "Lamarr");
            app = Authenticator.enable(browser, BASE);
        }
        byte[] raw = Base32.decode(app.secret());
        List<String> forms = new ArrayList<>(List.of(app.secret(), app.secret().toLowerCase(),
                HexFormat.of().formatHex(raw), Base64.getEncoder().encodeToString(raw),
                new String(raw, StandardCharsets.ISO_8859_1)));
        forms.addAll(app.backupCodes());
        for (var cell : DatabaseContents.read(this.dataSource)) {
            for (String form : forms) {
                assertThat(cell.text()).as("%s.%s", cell.table(), cell.column()).doesNotContain(form);
            }
        }
    }

    @Test
    void badInputOnTheCodeFormsGetsAClearAnswer() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Radia", "Perlman");
            HtmlPage setUp = Browser.click(browser.openHtml(BASE + "/account/two-factor"), "two-factor-enable");
            for (String bad : new String[] { "", "abcdef", "1234567", "٣٣٣٣٣٣", "x".repeat(5000) }) {
                Browser.type(setUp, "verificationCode", bad);
                setUp = Browser.click(setUp, "two-factor-confirm");
                assertThat(setUp.getWebResponse().getStatusCode()).as(bad).isEqualTo(400);
                assertThat(setUp.getElementById("two-factor-error")).as(bad).isNotNull();
            }
            assertThat(browser.openHtml(BASE + "/account/two-factor").getHtmlElementById("two-factor-status")
                .getTextContent()).isEqualTo("Two-factor sign-in is off.");
            assertThat(browser.openHtml(BASE + "/signin/two-factor").getUrl().getPath())
                .as("no sign-in waits for a code").isEqualTo("/signin");
            assertThat(researcher.orcid()).isNotBlank();
        }
    }

    /** Decodes the page's QR code (the SVG's one-module squares, inside a quiet zone of four) with ZXing. */
    private static String qrText(HtmlPage page) throws Exception {
        String svg = page.getHtmlElementById("totp-qr").asXml();
        Matcher box = Pattern.compile("(?i)viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1)) - 8;
        BitMatrix modules = new BitMatrix(size);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            modules.set(Integer.parseInt(square.group(1)) - 4, Integer.parseInt(square.group(2)) - 4);
        }
        return new Decoder().decode(modules).getText();
    }

    private static List<String> texts(HtmlPage page, String selector) {
        return page.querySelectorAll(selector).stream().map(DomNode::getTextContent).map(String::trim).toList();
    }

    private static List<String> history(Browser browser) {
        return browser.openHtml(BASE + "/account/history").querySelectorAll("#account-history tbody tr").stream()
            .map(row -> ((DomElement) row).getAttribute("data-event-type"))
            .toList();
    }

    private List<String> mailTo(String email) {
        return this.jdbc.queryForList("SELECT template || '|' || subject FROM mail_outbox WHERE recipient = ?"
                + " ORDER BY id", String.class, email.toLowerCase());
    }
}
