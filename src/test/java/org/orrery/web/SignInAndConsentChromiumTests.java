package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orrery.i18n.MessageBundles;
import org.orrery.support.Browser;
import org.orrery.support.Chromium;
import org.orrery.support.Dance;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.orrery.support.BrowserTest;

/**
 * A researcher signs in and consents in each of the seven languages, in a real browser at phone width: the
 * language is chosen in the footer of the sign-in page (which keeps the authorization request), remembered for the
 * consent screen, and every text the researcher reads comes from that language's bundle; neither page scrolls
 * sideways or has an accessibility violation.
 */
@BrowserTest
class SignInAndConsentChromiumTests extends OrreryIntegrationTest {

    private static final String CLIENT_NAME = "Test Member Integration";

    private static ChromeDriver chromium;

    private static NewResearcher researcher;

    @Autowired
    private MessageSource messages;

    @BeforeAll
    static void startBrowserAndRegister() {
        sharedOrrery(SignInAndConsentChromiumTests.class);
        chromium = Chromium.start(390, 844);
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Polyglot", "Reader");
        }
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aResearcherSignsInAndConsentsInEachLanguage() {
        for (Locale language : MessageBundles.LANGUAGES) {
            forgetEverything();
            String state = "state-" + language;
            chromium.get(Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited /activities/update",
                    Dance.redirectUri(PORT), state));
            assertThat(chromium.getCurrentUrl()).contains("/signin?oauth");

            if (language.equals(Locale.ENGLISH)) {
                // English is the page's language already: the footer shows it as the current one, not as a link.
                assertThat(text("footer [aria-current='true']")).isEqualTo("English");
            }
            else {
                Chromium.clickToNewPage(chromium,
                        By.cssSelector("footer a[hreflang='" + language.toLanguageTag() + "']"));
            }
            assertThat(chromium.getCurrentUrl()).as("the switch keeps the request").contains("client_id=" + Dance.MEMBER)
                .contains("state=" + state);
            assertThat(chromium.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo(language.toLanguageTag());
            assertThat(text("h1")).isEqualTo(message("signin.heading", language));
            assertThat(chromium.findElement(By.id("signin-client")).getText())
                .isEqualTo(message("signin.continueTo", language, CLIENT_NAME));
            assertThat(chromium.findElement(By.id("form-sign-in-button")).getText())
                .isEqualTo(message("signin.button", language));
            assertNoViolationsAndNoSidewaysScrolling(language + " sign-in");

            chromium.findElement(By.id("userId")).sendKeys(researcher.email());
            chromium.findElement(By.id("password")).sendKeys(researcher.password());
            Chromium.clickToNewPage(chromium, By.id("form-sign-in-button"));

            assertThat(chromium.getCurrentUrl()).contains("/oauth/consent");
            assertThat(chromium.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo(language.toLanguageTag());
            assertThat(text("h1")).isEqualTo(message("consent.heading", language));
            assertThat(text("#client-name")).isEqualTo(CLIENT_NAME);
            assertThat(text("#researcher-orcid")).isEqualTo(researcher.orcid());
            assertThat(text("#header-orcid")).isEqualTo(researcher.orcid());
            assertThat(text("#scopes")).contains(message("scope.readLimited", language),
                    message("scope.activitiesUpdate", language));
            assertThat(chromium.findElements(By.cssSelector("#scopes svg.scope-icon"))).hasSize(2);
            assertThat(text("#not-you-form")).contains(message("consent.notYou", language));
            assertThat(text("#trusted-organizations-link")).isEqualTo(message("consent.trustedLink", language));
            assertThat(text("#authorize")).isEqualTo(message("consent.authorize", language));
            assertNoViolationsAndNoSidewaysScrolling(language + " consent");

            chromium.findElement(By.id("authorize")).click();
            new WebDriverWait(chromium, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains(Dance.redirectUri(PORT)));
            assertThat(chromium.getCurrentUrl()).startsWith(Dance.redirectUri(PORT) + "?code=")
                .contains("state=" + state);
        }
    }

    @Test
    void notYouSignsOutAndTheNextRequestAsksWhoIsThere() {
        forgetEverything();
        chromium.get(Dance.authorizeUrl(BASE, Dance.MEMBER, "/authenticate", Dance.redirectUri(PORT), "s") + "&lang=de");
        chromium.findElement(By.id("userId")).sendKeys(researcher.email());
        chromium.findElement(By.id("password")).sendKeys(researcher.password());
        Chromium.clickToNewPage(chromium, By.id("form-sign-in-button"));
        assertThat(chromium.getCurrentUrl()).contains("/oauth/consent");

        Chromium.clickToNewPage(chromium, By.id("not-you"));

        assertThat(chromium.getCurrentUrl()).contains("/signin");
        assertThat(chromium.findElements(By.id("header-orcid"))).isEmpty();
        assertThat(text("h1")).isEqualTo(message("signin.heading", Locale.GERMAN));
    }

    /** Signed out, no language chosen: cookies are per host, and the demo callback is on another one. */
    private static void forgetEverything() {
        chromium.get(BASE + "/css/orrery.css");
        chromium.manage().deleteAllCookies();
    }

    private void assertNoViolationsAndNoSidewaysScrolling(String page) {
        assertThat(Chromium.scrollsSideways(chromium)).as(page + " scrolls sideways at 390 px").isFalse();
        assertThat(Chromium.axeViolations(chromium)).as(page + " axe violations").isEmpty();
    }

    private String text(String selector) {
        return chromium.findElement(By.cssSelector(selector)).getText();
    }

    private String message(String key, Locale language, Object... args) {
        return this.messages.getMessage(key, args.length == 0 ? null : args, language);
    }
}
