package org.orrery.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.orrery.support.Browser;
import org.orrery.support.Chromium;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.orrery.support.BrowserTest;

/** The lifecycle pages in a real browser on a phone: content within the width and no accessibility violations. */
@BrowserTest
class RecordLifecyclePagesChromiumTests extends OrreryIntegrationTest {

    @Autowired
    RecordLifecycle lifecycle;

    @Test
    void theLifecyclePagesFitAPhoneWithoutAccessibilityViolations() {
        NewResearcher researcher;
        NewResearcher locked;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Phoebe", "Phone");
        }
        try (Browser browser = new Browser()) {
            locked = NewResearcher.register(browser, BASE, "Lou", "Locked");
        }
        this.lifecycle.lock(locked.orcid(), Actor.operator("test"), "Review");
        var chromium = Chromium.start(390, 844);
        try {
            for (String path : List.of("/reactivate", "/reactivate?sent", "/account/deactivate/confirm?token=nope",
                    "/" + locked.orcid())) {
                assertFitsAndIsAccessible(chromium, path);
            }
            chromium.get(BASE + "/signin");
            chromium.findElement(By.id("userId")).sendKeys(researcher.email());
            chromium.findElement(By.id("password")).sendKeys(researcher.password());
            Chromium.clickToNewPage(chromium, By.id("form-sign-in-button"));
            for (String path : List.of("/account/deactivate", "/account/merge")) {
                assertFitsAndIsAccessible(chromium, path);
            }
            chromium.get(BASE + "/account/merge");
            chromium.findElement(By.id("otherId")).sendKeys("nobody@example.org");
            chromium.findElement(By.id("password")).sendKeys("wrong-password");
            Chromium.clickToNewPage(chromium, By.id("check-merge"));
            assertThat(chromium.findElement(By.id("merge-error")).getText()).isNotBlank();
            assertThat(Chromium.axeViolations(chromium)).isEmpty();
        }
        finally {
            chromium.quit();
        }
    }

    /**
     * The elements of the page's {@code main} that reach past the window. (Not the whole page: the shared footer
     * of main at this commit sets its language links without a break between them; the pages work replaces it.)
     */
    private static String mainOverflows(org.openqa.selenium.chrome.ChromeDriver chromium) {
        return String.valueOf(chromium.executeScript("var wide = [];"
                + " document.querySelectorAll('main, main *').forEach(function (e) {"
                + " if (e.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {"
                + " wide.push(e.tagName + '#' + e.id); } }); return wide.join(' ');"));
    }

    private static void assertFitsAndIsAccessible(org.openqa.selenium.chrome.ChromeDriver chromium, String path) {
        chromium.get(BASE + path);
        assertThat(chromium.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
        assertThat(mainOverflows(chromium)).as(path).isEmpty();
        assertThat(Chromium.axeViolations(chromium)).as(path).isEmpty();
    }
}
