package org.orrery.accounts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.orrery.support.Browser;

/**
 * Turns two-factor sign-in on through the account pages, as a researcher with an authenticator app would (RFC 6238:
 * HMAC-SHA1, 30-second steps, six digits), and keeps the backup codes shown.
 */
final class TwoFactorReset {

    private TwoFactorReset() {
    }

    /** Turns two-factor on for the signed-in browser; returns the backup codes. */
    static List<String> enable(Browser browser, String base) {
        HtmlPage setUp = Browser.click(browser.openHtml(base + "/account/two-factor"), "two-factor-enable");
        String secret = setUp.getHtmlElementById("totp-secret").getTextContent().trim();
        Browser.type(setUp, "verificationCode", code(secret, Instant.now().getEpochSecond() / 30));
        HtmlPage codes = Browser.click(setUp, "two-factor-confirm");
        List<String> backup = codes.querySelectorAll(".backup-code").stream().map(DomNode::getTextContent)
            .map(String::trim).toList();
        if (backup.isEmpty()) {
            throw new IllegalStateException("Turning two-factor on showed no backup codes: " + codes.asNormalizedText());
        }
        return backup;
    }

    private static String code(String base32, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}
