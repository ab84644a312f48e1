package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.lifecycle.Actor;
import org.orrery.lifecycle.RecordLifecycle;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox and the record's state (wave-2 spec §5.4, §5.6): a locked researcher still signs in but no longer sees
 * permission notifications (they cannot authorise applications) until the record is unlocked; a deactivation
 * deletes the notifications with the rest of the record's data, so a reactivated record starts with an empty inbox.
 */
class InboxRecordStateTests extends OrreryIntegrationTest {

    private static final Actor OPERATOR = Actor.operator("inbox-test-operator");

    @Autowired
    RecordLifecycle lifecycle;

    @Test
    void aLockedRecordsPermissionNotificationsAreHiddenUntilItIsUnlocked() {
        try (Browser browser = new Browser()) {
            NewResearcher researcher = NewResearcher.register(browser, BASE, "Lotte", "Locked");
            String putCode = Notifications.create(BASE, researcher.orcid(), token(), Notifications.NOTIFIER);
            assertThat(browser.openHtml(BASE + "/inbox").getElementById("notification-" + putCode)).isNotNull();

            this.lifecycle.lock(researcher.orcid(), OPERATOR, "Under review");
            HtmlPage locked = browser.openHtml(BASE + "/inbox");
            assertThat(locked.getElementById("notification-" + putCode)).isNull();
            assertThat(locked.getElementById("inbox-empty")).isNotNull();
            assertThat(locked.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox");

            this.lifecycle.unlock(researcher.orcid(), OPERATOR);
            HtmlPage unlocked = browser.openHtml(BASE + "/inbox");
            assertThat(unlocked.getElementById("notification-" + putCode)).isNotNull();
            assertThat(unlocked.getHtmlElementById("inbox-link").asNormalizedText()).isEqualTo("Inbox (1 unread)");
        }
    }

    @Test
    void aDeactivationDeletesTheNotificationsSoAReactivatedRecordHasAnEmptyInbox() {
        NewResearcher researcher;
        String putCode;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Dana", "Deactivated");
            putCode = Notifications.create(BASE, researcher.orcid(), token(), Notifications.NOTIFIER);
            assertThat(browser.openHtml(BASE + "/inbox").getElementById("notification-" + putCode)).isNotNull();
        }
        this.lifecycle.deactivate(researcher.orcid(), OPERATOR);
        this.lifecycle.reactivate(researcher.orcid(), OPERATOR);
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(), researcher.password());
            HtmlPage inbox = browser.openHtml(BASE + "/inbox?archived=true");
            assertThat(inbox.getElementById("notification-" + putCode)).isNull();
            assertThat(inbox.getElementById("inbox-empty")).isNotNull();
        }
    }

    private static String token() {
        return Notifications.token(BASE, Notifications.NOTIFIER, Notifications.NOTIFIER_SECRET,
                "/premium-notification");
    }
}
