package org.orrery.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no driver is downloaded), for page tests that
 * need a real browser: layout at a given width, keyboard use, and axe-core's accessibility rules
 * ({@code interop/node_modules/axe-core}, installed by {@code npm ci --prefix interop}). On a machine without
 * them the test is skipped with a message; {@code .ci/run} installs both.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path AXE = Path.of("interop/node_modules/axe-core/axe.min.js");

    private static volatile String axeSource;

    private Chromium() {
    }

    /** A new headless Chromium of this window size, in English, with a fresh profile; close it with {@code quit()}. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, "en-US");
    }

    /** A headless Chromium that asks for pages in this language first ({@code Accept-Language}). */
    public static ChromeDriver start(int width, int height, String language) {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Chromium page tests need Debian's chromium and chromium-driver");
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Clicks what leads to another page (a form's button, a link) and waits until that page has replaced this
     * one, so that what the test reads next is the new page's, not a stale copy of the old one's.
     */
    public static void clickToNewPage(ChromeDriver driver, By target) {
        // The old document is marked; the new one has no mark. (Waiting for the old <html> to go stale races with
        // ChromeDriver, which may answer "node does not belong to the document" instead of "stale".)
        driver.executeScript("window.orreryOldPage = true;");
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
            .until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                    "return window.orreryOldPage === undefined && document.readyState === 'complete';")));
    }

    /**
     * Runs axe-core on the current page and returns its violations, each as "rule-id: help (n nodes: selectors)";
     * an empty list means none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(ChromeDriver driver) {
        Assumptions.assumeTrue(Files.isReadable(AXE), "axe-core is missing: npm ci --prefix interop");
        ((JavascriptExecutor) driver).executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
                        + " v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '"
                        + " + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    private static String axeSource() {
        String source = axeSource;
        if (source == null) {
            try {
                source = Files.readString(AXE);
            }
            catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            axeSource = source;
        }
        return source;
    }

    /** True when the page is wider than the window: the reader would have to scroll sideways. */
    public static boolean scrollsSideways(ChromeDriver driver) {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }
}
