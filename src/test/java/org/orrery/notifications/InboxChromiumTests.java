package org.orrery.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orrery.support.Browser;
import org.orrery.support.BrowserTest;
import org.orrery.support.Chromium;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;

/**
 * The inbox in a real browser on a phone (390 px): no sideways scrolling and no accessibility violations, in
 * English and Japanese; "Grant permissions" opens the client's authorization in a new tab, where the normal dance
 * runs to the client's redirect URI with a code.
 */
@BrowserTest
class InboxChromiumTests extends OrreryIntegrationTest {

    @Test
    void theInboxFitsAPhoneIsAccessibleAndGrantOpensTheAuthorizationInANewTab() {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Chloe", "Chromium");
        }
        String token = Notifications.token(BASE, Notifications.NOTIFIER, Notifications.NOTIFIER_SECRET,
                "/premium-notification");
        String putCode = Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER,
                Dance.redirectUri(PORT));
        Notifications.create(BASE, researcher.orcid(), token, Notifications.NOTIFIER);
        for (String language : List.of("en-US", "ja")) {
            ChromeDriver chromium = Chromium.start(390, 844, language);
            try {
                signIn(chromium, researcher);
                chromium.get(BASE + "/inbox");
                assertThat(chromium.findElement(By.tagName("h1")).getText()).isNotBlank();
                assertThat(chromium.findElement(By.id("inbox-link")).getText()).contains("2");
                assertThat(overflows(chromium, "main, main *")).as(language).isEmpty();
                assertThat(Chromium.scrollsSideways(chromium)).as(language).isFalse();
                assertThat(Chromium.axeViolations(chromium)).as(language).isEmpty();
                chromium.get(BASE + "/inbox?archived=true");
                assertThat(Chromium.axeViolations(chromium)).as(language).isEmpty();
            }
            finally {
                chromium.quit();
            }
        }

        ChromeDriver chromium = Chromium.start(390, 844);
        try {
            signIn(chromium, researcher);
            chromium.get(BASE + "/inbox");
            String inboxTab = chromium.getWindowHandle();
            chromium.findElement(By.id("grant-" + putCode)).click();
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.numberOfWindowsToBe(2));
            List<String> tabs = new ArrayList<>(chromium.getWindowHandles());
            tabs.remove(inboxTab);
            chromium.switchTo().window(tabs.get(0));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
            assertThat(chromium.getPageSource()).contains("Notifying Member Integration");
            chromium.findElement(By.id("authorize")).click();
            wait.until(ExpectedConditions.urlContains("/demo/callback"));
            assertThat(chromium.getCurrentUrl()).contains("code=");
            var read = Http.json(Notifications.get(BASE, Notifications.path(researcher.orcid()) + "/" + putCode, token,
                    Notifications.JSON));
            assertThat(read.get("actioned-date").isNumber()).isTrue();
        }
        finally {
            chromium.quit();
        }
    }

    /**
     * The elements matching the selector that reach past the window (the header's links scroll within their own
     * strip on a phone, by design, so only the page's {@code main} is looked at element by element).
     */
    private static String overflows(ChromeDriver chromium, String selector) {
        return String.valueOf(chromium.executeScript("var wide = [];"
                + " document.querySelectorAll(arguments[0]).forEach(function (e) {"
                + " if (e.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {"
                + " wide.push(e.tagName + '#' + e.id + '.' + e.className); } }); return wide.join(' ');", selector));
    }

    private static void signIn(ChromeDriver chromium, NewResearcher researcher) {
        chromium.get(BASE + "/signin");
        chromium.findElement(By.id("userId")).sendKeys(researcher.email());
        chromium.findElement(By.id("password")).sendKeys(researcher.password());
        chromium.findElement(By.id("form-sign-in-button")).click();
        new WebDriverWait(chromium, Duration.ofSeconds(20))
            .until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }
}
