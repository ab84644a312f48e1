package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orrery.support.Chromium;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.QueuedMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.orrery.support.BrowserTest;

/**
 * Every page of the application in a real browser, signed out and signed in, in English and in Japanese: zero
 * axe-core violations, and no sideways scrolling at 390 px (a phone) nor at 1280 px. The pages are found from the
 * application's own GET routes that render HTML (so a new page is covered without editing this test), path
 * variables filled from the researcher this test registers; pages that need a state of their own (consent, the
 * OAuth error page, error pages, a secret reset's confirmation, a sign-in refused) are listed here. A page with a
 * problem is photographed into {@code target/screenshots}; with {@code -Dorrery.test.screenshots=true} every page
 * is, at both widths.
 */
@BrowserTest
class EveryPageChromiumTests extends OrreryIntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static final boolean EVERY_SCREENSHOT = Boolean.getBoolean("orrery.test.screenshots");

    /** The window's width now: each page is checked at that width first, which saves a resize per page. */
    private static int width = 390;

    private static ChromeDriver chromium;

    private static String orcid;

    private static String putCode;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void startBrowserAndRegister() {
        sharedOrrery(EveryPageChromiumTests.class);
        chromium = Chromium.start(390, 844);
        try {
            Files.createDirectories(SCREENSHOTS);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void everyPageSignedOutAndSignedInHasNoViolationsAndFitsAPhoneAndADesktop() {
        List<String> problems = new ArrayList<>();
        Set<String> routes = htmlRoutes();
        assertThat(routes).contains("/", "/signin", "/register", "/my-orcid", "/my-orcid/record",
                "/developer-tools", "/account/trusted-organizations", "/account/history");

        forgetEverything();
        for (String route : routes) {
            String path = fill(route, Dance.ADA_ORCID, null);
            if (path != null) {
                check("signed-out" + path, BASE + path, problems);
            }
        }
        check("error-404", BASE + "/no-such-page", problems);
        check("signin-failed", BASE + "/signin?error", problems);
        check("signin-for-application", Dance.authorizeUrl(BASE, Dance.MEMBER, "/authenticate",
                Dance.redirectUri(PORT), "s0"), problems);
        check("oauth-error", BASE + "/oauth/authorize?client_id=APP-NOSUCHCLIENT0000&response_type=code", problems);

        registerAndFillTheRecord();
        check("consent", Dance.authorizeUrl(BASE, Dance.MEMBER, "/read-limited /person/update",
                Dance.redirectUri(PORT), "s1"), problems);
        chromium.findElement(By.id("authorize")).click();
        new WebDriverWait(chromium, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/demo/callback"));
        check("demo-callback", chromium.getCurrentUrl(), problems);
        for (String route : routes) {
            String path = fill(route, orcid, putCode);
            if (path != null) {
                check("signed-in" + path, BASE + path, problems);
            }
        }
        chromium.get(BASE + "/developer-tools");
        chromium.findElement(By.id("name")).sendKeys("Page Checker");
        chromium.findElement(By.id("description")).sendKeys("Checks pages.");
        chromium.findElement(By.id("redirectUris")).sendKeys(Dance.redirectUri(PORT));
        chromium.findElement(By.id("register-client")).click();
        checkCurrent("developer-tools-registered", problems);
        chromium.findElement(By.id("reset-secret")).click();
        checkCurrent("developer-tools-confirm-reset", problems);
        chromium.get(BASE + "/developer-tools?lang=ja");
        checkCurrent("developer-tools-ja", problems);
        check("my-orcid-record-ja", BASE + "/my-orcid/record", problems);
        check("public-record-ja", BASE + "/" + orcid, problems);
        check("trusted-organizations-ja", BASE + "/account/trusted-organizations", problems);
        check("error-404-ja", BASE + "/my-orcid/no-such-page", problems);

        assertThat(problems).isEmpty();
    }

    /** The GET routes of the application's controllers that render a page (not a body, not JSON). */
    private Set<String> htmlRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Method method = entry.getValue().getMethod();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
            boolean page = (method.getReturnType() == String.class || method.getReturnType() == ModelAndView.class)
                    && !AnnotatedElementUtils.hasAnnotation(method, ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), ResponseBody.class);
            boolean json = info.getProducesCondition().getProducibleMediaTypes().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
            if (get && page && !json && method.getDeclaringClass().getName().startsWith("org.orrery.")) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.equals("/error") && !pattern.startsWith("/api/") && !pattern.startsWith("/pub/")) {
                        routes.add(pattern);
                    }
                }
            }
        }
        return routes;
    }

    /** The route with its variables filled, or null (reported) when the test knows no value for one. */
    private static String fill(String route, String orcidValue, String putCodeValue) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("orcid", orcidValue);
        values.put("putCode", putCodeValue);
        values.put("clientId", Dance.MEMBER);
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (at < route.length()) {
            char c = route.charAt(at);
            if (c != '{') {
                path.append(c);
                at++;
                continue;
            }
            int depth = 0;
            int end = at;
            do {
                depth += route.charAt(end) == '{' ? 1 : route.charAt(end) == '}' ? -1 : 0;
                end++;
            }
            while (depth > 0 && end < route.length());
            String name = route.substring(at + 1, end - 1).split(":", 2)[0];
            String value = values.get(name);
            if (value == null) {
                System.out.println("EveryPageChromiumTests: no value for {" + name + "} in " + route);
                return null;
            }
            path.append(value);
            at = end;
        }
        return path.toString();
    }

    private void registerAndFillTheRecord() {
        forgetEverything();
        chromium.get(BASE + "/register");
        String email = "pages-" + System.nanoTime() + "@example.org";
        chromium.findElement(By.id("givenNames")).sendKeys("Paige");
        chromium.findElement(By.id("familyName")).sendKeys("Checker");
        chromium.findElement(By.id("email")).sendKeys(email);
        chromium.findElement(By.id("password")).sendKeys("pages-password-1");
        chromium.findElement(By.id("register-button")).click();
        new WebDriverWait(chromium, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/my-orcid"));
        orcid = chromium.findElement(By.id("orcid-id")).getText();
        chromium.get(QueuedMail.newestLink(BASE, email, "/verify-email/")); // items need a verified address
        chromium.get(BASE + "/my-orcid/record");
        chromium.findElement(By.id("add-works-open")).click();
        chromium.findElement(By.id("works-title")).sendKeys("A long title that has to wrap on a phone screen without"
                + " making the page scroll sideways at all");
        chromium.findElement(By.id("works-year")).sendKeys("2024");
        chromium.findElement(By.id("works-doi")).sendKeys("10.5555/pages.checker.2024");
        chromium.findElement(By.id("add-works-button")).click();
        new WebDriverWait(chromium, Duration.ofSeconds(10))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section-works tr[id^='item-']")));
        chromium.findElement(By.id("add-keywords-open")).click();
        chromium.findElement(By.id("keywords-content")).sendKeys("accessibility");
        chromium.findElement(By.id("add-keywords-button")).click();
        // the keyword's form answers with the record page again; read the work's row from that page, not the old one
        String id = new WebDriverWait(chromium, Duration.ofSeconds(10))
            .ignoring(StaleElementReferenceException.class)
            .until(driver -> driver.findElements(By.cssSelector("#section-keywords [id^='item-']")).isEmpty() ? null
                    : driver.findElement(By.cssSelector("#section-works tr[id^='item-']")).getDomAttribute("id"));
        putCode = id.substring("item-".length());
    }

    private void check(String name, String url, List<String> problems) {
        chromium.get(url);
        checkCurrent(name, problems);
    }

    private void checkCurrent(String name, List<String> problems) {
        Object type = ((JavascriptExecutor) chromium).executeScript("return document.contentType;");
        if (!"text/html".equals(type)) {
            return;
        }
        String file = name.replaceAll("[^A-Za-z0-9-]+", "-");
        int before = problems.size();
        for (int next : width == 390 ? new int[] { 390, 1280 } : new int[] { 1280, 390 }) {
            if (next != width) {
                chromium.manage().window().setSize(new Dimension(next, next == 390 ? 844 : 900));
                width = next;
            }
            if (Chromium.scrollsSideways(chromium)) {
                problems.add(name + " scrolls sideways at " + width + " px (" + chromium.getCurrentUrl() + ")");
            }
            if (EVERY_SCREENSHOT) {
                screenshot(file + "-" + width);
            }
            if (width == 390) { // axe-core judges the phone's layout, as it always has here
                for (String violation : Chromium.axeViolations(chromium)) {
                    problems.add(name + " (" + chromium.getCurrentUrl() + "): " + violation);
                }
            }
        }
        if (problems.size() > before && !EVERY_SCREENSHOT) {
            screenshot(file + "-" + width);
        }
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), chromium.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void forgetEverything() {
        chromium.get(BASE + "/css/orrery.css");
        chromium.manage().deleteAllCookies();
    }
}
