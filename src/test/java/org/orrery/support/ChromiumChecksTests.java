package org.orrery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page checks the browser tests rely on can fail: axe-core finds a violation on each page it is run on, and a
 * page wider than the window is found.
 */
@BrowserTest
class ChromiumChecksTests {

    private static ChromeDriver chromium;

    @BeforeAll
    static void start() {
        chromium = Chromium.start(390, 844);
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void axeFindsAnImageWithoutTextAndAFieldWithoutALabel() {
        chromium.get(page("<main><h1>Clean</h1><p>Nothing wrong here.</p></main>"));
        assertThat(Chromium.axeViolations(chromium)).isEmpty();
        chromium.get(page("<main><h1>Photo</h1><img src=\"missing.png\"></main>"));
        assertThat(Chromium.axeViolations(chromium)).anyMatch(violation -> violation.startsWith("image-alt:"));
        chromium.get(page("<main><h1>Form</h1><input type=\"text\"></main>"));
        assertThat(Chromium.axeViolations(chromium)).anyMatch(violation -> violation.startsWith("label:"));
    }

    @Test
    void aPageWiderThanThePhoneScrollsSideways() {
        chromium.get(page("<main><h1>Wide</h1><div style=\"width:2000px\">wide</div></main>"));
        assertThat(Chromium.scrollsSideways(chromium)).isTrue();
        chromium.get(page("<main><h1>Narrow</h1><p>narrow</p></main>"));
        assertThat(Chromium.scrollsSideways(chromium)).isFalse();
    }

    private static String page(String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Check</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head><body>" + body + "</body></html>";
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
