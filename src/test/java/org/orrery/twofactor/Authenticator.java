package org.orrery.twofactor;

import java.time.Instant;
import java.util.List;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.orrery.support.Browser;

/**
 * What a researcher's authenticator app does in the tests: it reads the key shown in {@code #totp-secret} and
 * computes codes (with the generator checked against RFC 6238's vectors in {@link TotpTests}).
 */
record Authenticator(String secret, List<String> backupCodes) {

    /** The code of the current 30-second step. */
    String current() {
        return code(0);
    }

    /** The code of the step before the current one (still accepted). */
    String previous() {
        return code(-1);
    }

    String code(int stepsFromNow) {
        return Totp.code(Base32.decode(this.secret), Totp.step(Instant.now()) + stepsFromNow);
    }

    /** Waits for the next step when fewer than four seconds of this one are left, so a code is not stale in flight. */
    static void awayFromStepEnd() {
        long left = Totp.STEP_SECONDS - Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
        if (left < 4) {
            sleep(left * 1000 + 200);
        }
    }

    /** Waits until the next 30-second step begins: the codes of used steps are refused. */
    static void nextStep() {
        long millis = Instant.now().toEpochMilli();
        long stepMillis = Totp.STEP_SECONDS * 1000L;
        sleep(stepMillis - millis % stepMillis + 200);
    }

    /**
     * Turns two-factor on through the account page of a signed-in browser: reads the key, confirms with the code of
     * the previous step (so that the current step's code is still unused for a sign-in right after), and keeps the
     * backup codes shown.
     */
    static Authenticator enable(Browser browser, String base) {
        HtmlPage page = browser.openHtml(base + "/account/two-factor");
        HtmlPage setUp = Browser.click(page, "two-factor-enable");
        String secret = setUp.getHtmlElementById("totp-secret").getTextContent().trim();
        awayFromStepEnd();
        var app = new Authenticator(secret, List.of());
        Browser.type(setUp, "verificationCode", app.previous());
        HtmlPage codes = Browser.click(setUp, "two-factor-confirm");
        List<String> backup = codes.querySelectorAll(".backup-code").stream().map(DomNode::getTextContent)
            .map(String::trim).toList();
        if (backup.size() != 14) {
            throw new IllegalStateException("Turning two-factor on did not show 14 backup codes: " + codes.asNormalizedText());
        }
        return new Authenticator(secret, backup);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
