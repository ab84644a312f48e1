package org.orrery.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orrery.support.Chromium;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.BrowserTest;

/**
 * The registry's search in a real browser: the home page's box, ORCID's quick search (words, an iD), the
 * advanced fields, "Name is private", 50 results a page, at phone width without sideways scrolling or
 * accessibility violations, and in another language.
 */
@BrowserTest
class SearchPageTests extends OrreryIntegrationTest {

    private static String tag;

    private static SearchFixture.Person orla;

    private static SearchFixture.Person secret;

    private static ChromeDriver chromium;

    @BeforeEach
    void fixture() {
        synchronized (SearchPageTests.class) {
            if (orla != null) {
                return;
            }
            tag = SearchFixture.tag();
            orla = SearchFixture.register(BASE, PORT, "Orla", "Ní " + cap(tag));
            orla.post(BASE, "employment", SearchFixture.affiliation("Page" + tag + " Institute", "GRID",
                    "grid." + tag + ".1", null));
            orla.post(BASE, "other-names", SearchFixture.content("O. Ní " + cap(tag)));
            secret = SearchFixture.register(BASE, PORT, "Hidden", "Person");
            secret.post(BASE, "keywords", SearchFixture.content(tag));
            secret.setVisibility(BASE, "name-visibility", "save-name", "private");
            BulkResearchers.insert(DATASOURCE_URL, DATASOURCE_USERNAME, DATASOURCE_PASSWORD, "Bulk", "Many" + tag, 55);
            chromium = Chromium.start(390, 844);
        }
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void theHomePageBoxFindsAResearcherByNameAndTheResultsFitAPhone() {
        chromium.get(BASE + "/");
        awaitResults("searchQuery", "orla ni " + tag, "result-" + orla.orcid());
        WebElement row = chromium.findElement(By.id("result-" + orla.orcid()));
        assertThat(row.findElement(By.className("given")).getText()).isEqualTo("Orla");
        assertThat(row.findElement(By.className("family")).getText()).isEqualTo("Ní " + cap(tag));
        assertThat(row.findElement(By.className("other")).getText()).isEqualTo("O. Ní " + cap(tag));
        assertThat(row.findElement(By.className("affiliations")).getText()).isEqualTo("Page" + tag + " Institute");
        List<WebElement> rows = chromium.findElements(By.cssSelector("#search-results tbody tr"));
        assertThat(rows.get(0).getAttribute("id")).isEqualTo("result-" + orla.orcid());
        assertThat(Chromium.scrollsSideways(chromium)).isFalse();
        assertThat(Chromium.axeViolations(chromium)).isEmpty();
        row.findElement(By.className("result-orcid")).click();
        assertThat(chromium.getCurrentUrl()).isEqualTo(BASE + "/" + orla.orcid());
    }

    @Test
    void anIdFindsThatRecordAndAPrivateNameSaysSo() {
        open("/orcid-search/search?searchQuery=" + enc("https://orcid.org/" + orla.orcid()));
        assertThat(chromium.findElements(By.cssSelector("#search-results tbody tr"))).hasSize(1);
        assertThat(chromium.findElement(By.id("results-heading")).getText()).isEqualTo("1 results");

        open("/orcid-search/search?searchQuery=" + tag);
        WebElement hidden = waitFor("result-" + secret.orcid());
        assertThat(hidden.findElement(By.className("name-private")).getText()).isEqualTo("Name is private");
        assertThat(chromium.getPageSource()).doesNotContain("Hidden");
        assertThat(Chromium.axeViolations(chromium)).isEmpty();
    }

    @Test
    void advancedFieldsAreAllRequired() {
        open("/orcid-search/search");
        chromium.findElement(By.cssSelector("#advanced-search summary")).click();
        chromium.findElement(By.id("lastName")).sendKeys("ni " + tag);
        chromium.findElement(By.id("institution")).sendKeys("grid." + tag + ".1");
        chromium.findElement(By.id("advanced-search-button")).click();
        waitFor("result-" + orla.orcid());
        assertThat(chromium.findElements(By.cssSelector("#search-results tbody tr"))).hasSize(1);

        open("/orcid-search/search?lastName=" + enc("ni " + tag) + "&institution=" + enc("Elsewhere College"));
        assertThat(chromium.findElement(By.id("no-results")).getText()).isEqualTo("No records match this search.");
        assertThat(Chromium.scrollsSideways(chromium)).isFalse();
    }

    @Test
    void resultsComeFiftyAPage() {
        open("/orcid-search/search?lastName=many" + tag);
        new WebDriverWait(chromium, Duration.ofSeconds(10)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("results-heading")).stream().anyMatch(h -> h.getText().startsWith("55"));
        });
        assertThat(chromium.findElements(By.cssSelector("#search-results tbody tr"))).hasSize(50);
        assertThat(chromium.findElement(By.id("page-of")).getText()).isEqualTo("Page 1 of 2");
        chromium.findElement(By.id("next-page")).click();
        assertThat(chromium.findElements(By.cssSelector("#search-results tbody tr"))).hasSize(5);
        assertThat(chromium.findElements(By.id("next-page"))).isEmpty();
        assertThat(chromium.findElement(By.id("previous-page")).isDisplayed()).isTrue();
    }

    @Test
    void thePageSpeaksTheVisitorsLanguage() {
        open("/orcid-search/search?lang=fr&searchQuery=" + tag);
        waitFor("result-" + secret.orcid());
        assertThat(chromium.findElement(By.cssSelector("h1")).getText()).isEqualTo("Rechercher dans le registre");
        assertThat(chromium.findElement(By.cssSelector("#result-" + secret.orcid() + " .name-private")).getText())
            .isEqualTo("Le nom est privé");
        open("/orcid-search/search?lang=en");
    }

    private static void awaitResults(String inputId, String text, String rowId) {
        new WebDriverWait(chromium, Duration.ofSeconds(10)).until(driver -> {
            if (!driver.getCurrentUrl().startsWith(BASE + "/")) {
                driver.get(BASE + "/");
            }
            driver.get(BASE + "/");
            WebElement box = driver.findElement(By.id(inputId));
            box.sendKeys(text);
            box.submit();
            return !driver.findElements(By.id(rowId)).isEmpty();
        });
    }

    private static WebElement waitFor(String id) {
        return new WebDriverWait(chromium, Duration.ofSeconds(10)).until(driver -> {
            List<WebElement> found = driver.findElements(By.id(id));
            if (found.isEmpty()) {
                driver.navigate().refresh();
                return null;
            }
            return found.get(0);
        });
    }

    private static void open(String path) {
        chromium.get(BASE + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
