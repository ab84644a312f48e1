package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orrery.support.Chromium;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.BrowserTest;

/** The home page in a real browser: readable on a phone, and no accessibility violations. */
@BrowserTest
class HomePageChromiumTests extends OrreryIntegrationTest {

    @Test
    void homePageFitsAPhoneWithoutAccessibilityViolations() {
        var chromium = Chromium.start(390, 844);
        try {
            chromium.get(BASE + "/");
            assertThat(chromium.getTitle()).contains("Orrery");
            assertThat(Chromium.scrollsSideways(chromium)).isFalse();
            assertThat(Chromium.axeViolations(chromium)).isEmpty();
        }
        finally {
            chromium.quit();
        }
    }
}
