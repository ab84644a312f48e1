package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.orrery.support.Chromium;
import org.orrery.support.BrowserTest;

/** The sandbox overview in a real browser: the seed at a glance, readable on a phone, in the visitor's language. */
@BrowserTest
class SandboxOverviewPageTests {

    private final SandboxServer sandbox = SandboxServer.shared();

    @Test
    void theOverviewFitsAPhoneWithoutAccessibilityViolations() {
        var chromium = Chromium.start(390, 844);
        try {
            chromium.get(this.sandbox.base + "/sandbox");
            assertThat(chromium.findElement(By.tagName("main")).getText()).contains(SandboxServer.ADA)
                .contains(SandboxServer.ADA_PASSWORD).contains(SandboxServer.MEMBER_SECRET);
            assertThat(Chromium.scrollsSideways(chromium)).isFalse();
            assertThat(Chromium.axeViolations(chromium)).isEmpty();
        }
        finally {
            chromium.quit();
        }
    }

    @Test
    void theOverviewSpeaksTheVisitorsLanguage() {
        var chromium = Chromium.start(1024, 768, "fr");
        try {
            chromium.get(this.sandbox.base + "/sandbox?lang=fr");
            assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Bac à sable");
            assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        }
        finally {
            chromium.quit();
        }
    }
}
