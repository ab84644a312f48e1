package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.SmtpNodes;

/**
 * E-mail digests of new notifications (wave-2 spec §4.3): at the researcher's chosen frequency, in the language of
 * the page they chose it on, only to a verified primary address, and never for read or already mailed
 * notifications. The digest is the message the outbox holds for the address (the sandbox's mail, or what the
 * registry's sender delivers).
 */
class DigestTests extends OrreryIntegrationTest {

    @Test
    void anImmediateDigestGoesToTheVerifiedPrimaryAddressOnceForEachNewNotification() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Dora", "Digest");
            choose(browser, "IMMEDIATELY", null);
            String token = token();
            String putCode = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            List<String> digests = waitForDigests(researcher.email(), 1);
            assertThat(digests.get(0)).contains("Hello Dora Digest,")
                .contains("Notifying Member Integration would like your permission to interact with your ORCID Record"
                        + " as a trusted party: your works")
                .contains(BASE + "/inbox")
                .contains("You receive this summary immediately");
            var json = Http.json(Notifications.get(BASE, Notifications.path(researcher.orcid()) + "/" + putCode, token,
                    Notifications.JSON));
            assertThat(json.get("sent-date").isNumber()).isTrue();

            // a notification already mailed is not mailed again; a new one is
            Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
            assertThat(waitForDigests(researcher.email(), 2)).hasSize(2);
            sleep(5000);
            assertThat(digests(researcher.email())).hasSize(2);
        }
    }

    @Test
    void noDigestGoesToAnUnverifiedAddressOrBeforeTheChosenPeriodOrWhenTheResearcherSaidNever() {
        String token = token();
        NewResearcher unverified;
        NewResearcher weekly;
        NewResearcher never;
        NewResearcher japanese;
        try (Browser browser = new Browser()) {
            unverified = NewResearcher.registerUnverified(browser, BASE, "Una", "Unverified");
            choose(browser, "IMMEDIATELY", null);
        }
        try (Browser browser = new Browser()) {
            weekly = NewResearcher.register(browser, BASE, "Wes", "Weekly");
        }
        try (Browser browser = new Browser()) {
            never = NewResearcher.register(browser, BASE, "Nev", "Never");
            choose(browser, "NEVER", null);
        }
        try (Browser browser = new Browser()) {
            japanese = NewResearcher.register(browser, BASE, "Jun", "Japanese");
            choose(browser, "IMMEDIATELY", "ja");
        }
        String unmailed = Notifications.create(BASE, unverified.orcid(), token, Notifications.NOTIFIER);
        Notifications.create(BASE, weekly.orcid(), token, Notifications.NOTIFIER);
        Notifications.create(BASE, never.orcid(), token, Notifications.NOTIFIER);
        Notifications.create(BASE, japanese.orcid(), token, Notifications.NOTIFIER);
        // the Japanese researcher's digest shows a round has passed for all of them
        assertThat(waitForDigests(japanese.email(), 1).get(0)).contains("受信箱を開いて");
        sleep(5000);
        assertThat(digests(unverified.email())).isEmpty();
        assertThat(digests(weekly.email())).isEmpty();
        assertThat(digests(never.email())).isEmpty();
        var json = Http.json(Notifications.get(BASE, Notifications.path(unverified.orcid()) + "/" + unmailed, token,
                Notifications.JSON));
        assertThat(json.get("sent-date").isNull()).isTrue();
    }

    private static String token() {
        return Notifications.token(BASE, Notifications.NOTIFIER, Notifications.NOTIFIER_SECRET,
                "/premium-notification");
    }

    /** Chooses the frequency on the inbox page (in the given language, or the default). */
    private static void choose(Browser browser, String frequency, String language) {
        HtmlPage inbox = browser.openHtml(BASE + "/inbox" + (language == null ? "" : "?lang=" + language));
        HtmlSelect select = inbox.getHtmlElementById("frequency");
        select.setSelectedAttribute(frequency, true);
        HtmlPage saved = Browser.click(inbox, "save-frequency");
        assertThat(saved.getElementById("inbox-notice")).isNotNull();
        assertThat(((HtmlSelect) saved.getHtmlElementById("frequency")).getSelectedOptions().get(0).getValueAttribute())
            .isEqualTo(frequency);
    }

    private static List<String> waitForDigests(String address, int count) {
        long end = System.currentTimeMillis() + 30_000;
        List<String> found = digests(address);
        while (found.size() < count && System.currentTimeMillis() < end) {
            sleep(250);
            found = digests(address);
        }
        assertThat(found).as("digests to " + address).hasSize(count);
        return found;
    }

    /**
     * The digests queued for an address, oldest first (text bodies). A digest the SMTP test nodes on this database
     * delivered already has lost its body in the outbox; its text is then the one their SMTP server received.
     */
    private static List<String> digests(String address) {
        try (Connection connection = DriverManager.getConnection(DATASOURCE_URL, DATASOURCE_USERNAME,
                DATASOURCE_PASSWORD);
                PreparedStatement query = connection.prepareStatement("SELECT text_body FROM mail_outbox"
                        + " WHERE recipient = ? AND template = 'notification-digest' ORDER BY id")) {
            query.setString(1, address.toLowerCase());
            List<String> bodies = new ArrayList<>();
            List<String> delivered = SmtpNodes.sentTexts(address, "/inbox");
            int deliveredSeen = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String body = rs.getString(1);
                    if (body.isEmpty() && deliveredSeen < delivered.size()) {
                        body = delivered.get(deliveredSeen++);
                    }
                    bodies.add(body);
                }
            }
            return bodies;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
