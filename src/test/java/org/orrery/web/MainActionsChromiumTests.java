package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orrery.support.Browser;
import org.orrery.support.BrowserTest;
import org.orrery.support.Chromium;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The main action of the record editor (add, edit in place, delete), developer tools (register and edit a
 * client), account settings (change the password) and trusted organizations (revoke), each done in a real browser
 * at phone width in English and in German: what the researcher reads comes from that language's bundle, the page
 * has no accessibility violation and does not scroll sideways. One browser, signed in once, for the whole class.
 */
@BrowserTest
class MainActionsChromiumTests extends OrreryIntegrationTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static ChromeDriver chromium;

    private static NewResearcher researcher;

    /** The researcher's password now (the account settings test changes it). */
    private static String password;

    @Autowired
    private MessageSource messages;

    @BeforeAll
    static void registerAndSignIn() {
        sharedOrrery(MainActionsChromiumTests.class);
        chromium = Chromium.start(390, 844);
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Maia", "Actions");
        }
        password = researcher.password();
        chromium.get(BASE + "/signin");
        chromium.findElement(By.id("userId")).sendKeys(researcher.email());
        chromium.findElement(By.id("password")).sendKeys(password);
        submit(By.id("form-sign-in-button"));
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aResearcherAddsEditsInPlaceAndDeletesAnItemInEnglishAndGerman() {
        for (Locale language : LANGUAGES) {
            chromium.get(BASE + "/my-orcid/record?lang=" + language.toLanguageTag());
            assertThat(text("h1")).isEqualTo(message("record.edit.heading", language));
            String keyword = "kw-" + language + "-" + UUID.randomUUID().toString().substring(0, 6);

            chromium.findElement(By.id("add-keywords-open")).click();
            chromium.findElement(By.id("keywords-content")).sendKeys(keyword);
            submit(By.id("add-keywords-button"));
            assertThat(text("#message")).isEqualTo(message("record.flash.added.keywords", language));
            String putCode = chromium.findElement(By.xpath("//section[@id='section-keywords']//tr[td[@class="
                    + "'item-text']='" + keyword + "']")).getDomAttribute("id").substring("item-".length());

            // Edit opens a dialog on the page, focus in its first field; Escape closes it and focus returns
            String editor = chromium.getCurrentUrl();
            chromium.findElement(By.id("edit-" + putCode)).click();
            WebElement dialog = chromium.findElement(By.id("edit-dialog-" + putCode));
            assertThat(dialog.getDomProperty("open")).isEqualTo("true");
            assertThat(chromium.getCurrentUrl()).as("the dialog is on the page").isEqualTo(editor);
            assertThat(activeElementId()).isEqualTo("edit-" + putCode + "-content");
            assertThat(chromium.findElement(By.cssSelector("label[for='edit-" + putCode + "-content']")).getText())
                .isEqualTo(message("record.field.keyword", language));
            assertThat(chromium.findElement(By.id("edit-heading-" + putCode)).getText())
                .isEqualTo(message("record.edit.of", language, keyword));
            assertThat(Chromium.axeViolations(chromium)).as(language + " editor with the dialog open").isEmpty();
            if (language.equals(Locale.ENGLISH)) {
                screenshot("record-editor-edit-dialog", null);
            }
            new Actions(chromium).sendKeys(Keys.ESCAPE).perform();
            assertThat(dialog.getDomProperty("open")).isEqualTo("false");
            assertThat(activeElementId()).isEqualTo("edit-" + putCode);

            chromium.findElement(By.id("edit-" + putCode)).click();
            WebElement field = chromium.findElement(By.id("edit-" + putCode + "-content"));
            field.clear();
            field.sendKeys(keyword + "-edited");
            submit(By.id("save-item-" + putCode));
            assertThat(text("#message")).isEqualTo(message("record.flash.saved", language));
            assertThat(text("#item-" + putCode + " .item-text")).isEqualTo(keyword + "-edited");
            assertNoViolationsAndNoSidewaysScrolling(language + " record editor");

            submit(By.id("delete-" + putCode));
            assertThat(text("#message")).isEqualTo(message("record.flash.removed", language));
            assertThat(chromium.findElements(By.id("item-" + putCode))).isEmpty();
        }
    }

    @Test
    void aGroupedWorkShowsEachSourcesVersionWithoutViolationsOrSidewaysScrolling() {
        String doi = "10.5555/chromium-" + UUID.randomUUID();
        String token;
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, Dance.MEMBER, "/activities/update", researcher.email(),
                    password);
            token = Http.json(Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code, Dance.redirectUri(PORT)))
                .get("access_token").asString();
        }
        HttpResponse<String> created = Http.post(BASE + "/api/v3.0/" + researcher.orcid() + "/work",
                "{\"title\":{\"title\":{\"value\":\"A work the member added\"}},\"type\":\"preprint\","
                        + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\",\"external-id-value\":\""
                        + doi + "\",\"external-id-relationship\":\"self\"}]}}",
                "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        chromium.get(BASE + "/my-orcid/record?lang=de");
        chromium.findElement(By.id("add-works-open")).click();
        chromium.findElement(By.id("works-title")).sendKeys("The same work, as I wrote it");
        chromium.findElement(By.id("works-doi")).sendKeys(doi);
        submit(By.id("add-works-button"));

        WebElement sources = chromium.findElement(By.cssSelector("#section-works tr.grouped summary"));
        assertThat(sources.getText()).isEqualTo(message("record.sources", Locale.GERMAN, 2));
        sources.click();
        WebElement versions = chromium.findElement(By.cssSelector("#section-works tr.grouped details"));
        assertThat(versions.getText()).contains("A work the member added", "The same work, as I wrote it",
                message("record.preferred", Locale.GERMAN));
        assertNoViolationsAndNoSidewaysScrolling("German editor, a grouped work's sources open");
        screenshot("record-editor-grouped", "section-works");
        chromium.get(BASE + "/" + researcher.orcid() + "?lang=de");
        chromium.findElement(By.cssSelector("#section-works details.versions summary")).click();
        assertNoViolationsAndNoSidewaysScrolling("German public page, a grouped work's sources open");
    }

    @Test
    void aResearcherRegistersAClientInEnglishAndEditsItInGerman() {
        chromium.get(BASE + "/developer-tools?lang=en");
        assertThat(text("h1")).isEqualTo(message("developer.heading", Locale.ENGLISH));
        chromium.findElement(By.id("name")).sendKeys("Actions Reader");
        chromium.findElement(By.id("description")).sendKeys("Reads records for the browser tests");
        chromium.findElement(By.id("website")).sendKeys("https://reader.example.org");
        chromium.findElement(By.id("redirectUris")).sendKeys("https://reader.example.org/callback");
        submit(By.id("register-client"));
        assertThat(text("#new-client")).contains(message("developer.registered", Locale.ENGLISH));
        assertNoViolationsAndNoSidewaysScrolling("English developer tools");

        chromium.get(BASE + "/developer-tools?lang=de");
        assertThat(text("h1")).isEqualTo(message("developer.heading", Locale.GERMAN));
        chromium.findElement(By.id("edit-client")).click();
        chromium.findElement(By.id("edit-name")).clear();
        submit(By.id("save-client"));
        // the check answers in English; the page shows its message from the German bundle
        assertThat(text("#edit-name-error")).isEqualTo(message("form.error.clientNameRequired", Locale.GERMAN));
        assertNoViolationsAndNoSidewaysScrolling("German developer tools, refused");
        chromium.findElement(By.id("edit-name")).sendKeys("Actions Leser");
        submit(By.id("save-client"));
        assertThat(text("#client-edited")).isEqualTo(message("developer.edited", Locale.GERMAN));
        assertThat(chromium.getPageSource()).contains("Actions Leser");
    }

    @Test
    void aResearcherChangesTheirPasswordInEnglishAndGerman() {
        for (Locale language : LANGUAGES) {
            chromium.get(BASE + "/account?lang=" + language.toLanguageTag());
            assertThat(text("h1")).isEqualTo(message("security.account.title", language));
            String chosen = "pw-" + language + "-" + UUID.randomUUID();
            chromium.findElement(By.id("currentPassword")).sendKeys(password);
            chromium.findElement(By.id("newPassword")).sendKeys(chosen);
            chromium.findElement(By.id("confirmPassword")).sendKeys(chosen);
            submit(By.id("change-password"));
            password = chosen;
            assertThat(text("#password-changed")).isEqualTo(message("security.password.changed", language));
            assertNoViolationsAndNoSidewaysScrolling(language + " account settings");
        }
    }

    @Test
    void aResearcherRevokesATrustedOrganizationInEnglishAndGerman() {
        for (Locale language : LANGUAGES) {
            grantAccessToTheMemberClient();
            chromium.get(BASE + "/account/trusted-organizations?lang=" + language.toLanguageTag());
            assertThat(text("h1")).isEqualTo(message("trusted.heading", language));
            assertNoViolationsAndNoSidewaysScrolling(language + " trusted organizations");
            submit(By.id("revoke-" + Dance.MEMBER));
            assertThat(text("#revoked-notice")).isEqualTo(message("trusted.revoked", language));
            assertThat(chromium.findElements(By.id("revoke-" + Dance.MEMBER))).isEmpty();
        }
    }

    private static synchronized void grantAccessToTheMemberClient() {
        try (Browser browser = new Browser()) {
            String code = Dance.code(browser, BASE, PORT, Dance.MEMBER, "/read-limited", researcher.email(), password);
            HttpResponse<String> token = Tokens.exchange(BASE, Dance.MEMBER, Dance.MEMBER_SECRET, code,
                    Dance.redirectUri(PORT));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        }
    }

    /** The page at 1280 px (scrolled to an element when one is named) to target/screenshots; back to 390 px. */
    private static void screenshot(String name, String scrollTo) {
        chromium.manage().window().setSize(new Dimension(1280, 800));
        try {
            if (scrollTo != null) {
                chromium.executeScript("document.getElementById(arguments[0]).scrollIntoView();", scrollTo);
            }
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots", name + ".png"), chromium.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            chromium.manage().window().setSize(new Dimension(390, 844));
        }
    }

    /** Clicks a button that posts a form and waits for the page the answer brings. */
    private static void submit(By button) {
        Chromium.clickToNewPage(chromium, button);
    }

    private static String activeElementId() {
        return (String) chromium.executeScript("return document.activeElement.id;");
    }

    private static String text(String selector) {
        return chromium.findElement(By.cssSelector(selector)).getText();
    }

    private void assertNoViolationsAndNoSidewaysScrolling(String page) {
        assertThat(Chromium.scrollsSideways(chromium)).as(page + " scrolls sideways at 390 px").isFalse();
        assertThat(Chromium.axeViolations(chromium)).as(page + " axe violations").isEmpty();
    }

    private String message(String key, Locale language, Object... args) {
        return this.messages.getMessage(key, args.length == 0 ? null : args, language);
    }
}
