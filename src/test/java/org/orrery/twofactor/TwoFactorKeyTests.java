package org.orrery.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryNode;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * Where the encryption key of two-factor secrets comes from: a registry that is not a sandbox and has no
 * configured key refuses to turn two-factor on with a clear message; a sandbox without one keeps its own key in its
 * database, so two-factor still works after a restart.
 */
@OwnEmbeddedDatabase
class TwoFactorKeyTests {

    @Test
    void aRegistryThatIsNoSandboxAndHasNoKeyCannotTurnTwoFactorOn() {
        try (OrreryNode node = OrreryNode.startFresh(Map.of("orrery.sandbox.enabled", "false"));
                Browser browser = new Browser()) {
            NewResearcher.registerUnverified(browser, node.url(), "Frances", "Allen");
            HtmlPage page = browser.openHtml(node.url() + "/account/two-factor");
            assertThat(page.getHtmlElementById("two-factor-unavailable").getTextContent()).isEqualTo(
                    "Two-factor sign-in cannot be turned on: this registry has no encryption key for it yet. Please"
                            + " tell its operator.");
            assertThat(page.getElementById("two-factor-enable")).isNull();
        }
    }

    @Test
    void aSandboxKeepsItsOwnKeySoTwoFactorWorksAfterARestart() {
        String database = "jdbc:h2:mem:orrery-2fa-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        NewResearcher researcher;
        Authenticator app;
        try (OrreryNode first = OrreryNode.startFresh(Map.of("spring.datasource.url", database));
                Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, first.url(), "Margaret", "Hamilton");
            app = Authenticator.enable(browser, first.url());
        }
        try (OrreryNode again = OrreryNode.startFresh(Map.of("spring.datasource.url", database));
                Browser browser = new Browser()) {
            HtmlPage codePage = Browser.signIn(browser.openHtml(again.url() + "/signin"), researcher.email(),
                    researcher.password());
            Authenticator.awayFromStepEnd();
            Browser.type(codePage, "verificationCode", app.current());
            HtmlPage record = Browser.click(codePage, "two-factor-signin-button");
            assertThat(record.getUrl().getPath()).isEqualTo("/my-orcid");
        }
    }
}
