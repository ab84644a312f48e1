package org.orrery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.twofactor.TwoFactorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An operator helps a researcher who lost their authenticator, or their verification e-mail. */
class AdminAccountSupportTests extends OrreryIntegrationTest {

    @Autowired
    private TwoFactorService twoFactor;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anOperatorTurnsALockedOutResearchersTwoFactorOffAndResendsTheirVerificationMail() throws Exception {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Lena", "Lostphone");
        }
        String secret = this.twoFactor.setUp(researcher.orcid(), true).base32Secret();
        assertThat(this.twoFactor.confirm(researcher.orcid(), totp(secret))).isNotNull();
        assertThat(this.twoFactor.enabledFor(researcher.orcid())).isTrue();
        int mailBefore = mailTo(researcher.email());

        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), AdminConsoleTests.OPERATOR_EMAIL,
                    AdminConsoleTests.OPERATOR_PASSWORD);
            HtmlPage page = browser.openHtml(BASE + "/admin/researchers/" + researcher.orcid());
            HtmlPage reset = Browser.click(page, "reset-two-factor");
            assertThat(reset.getElementById("done").asNormalizedText()).startsWith("Two-factor sign-in is off");
            assertThat(reset.getElementById("reset-two-factor")).as("nothing left to reset").isNull();
            assertThat(this.twoFactor.enabledFor(researcher.orcid())).isFalse();

            HtmlPage resent = Browser.click(reset, "resend-verification");
            assertThat(resent.getElementById("done").asNormalizedText()).startsWith("A verification e-mail");
            assertThat(mailTo(researcher.email())).isEqualTo(mailBefore + 1);
            assertThat(resent.getElementById("events").asNormalizedText()).contains("OPERATOR_ACTION")
                .contains("reset-two-factor").contains("resend-verification");
        }
    }

    private int mailTo(String address) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, address);
    }

    /** RFC 6238 with HMAC-SHA1, six digits: what an authenticator app shows now. */
    private static String totp(String base32) throws Exception {
        byte[] key = base32Decode(base32);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(Instant.now().getEpochSecond() / 30).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "").replace(" ", "").toUpperCase();
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
