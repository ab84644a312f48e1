package org.orrery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.registry.OrcidId;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The register page in a real browser: minting an iD, signing in, and every refusal of bad input. */
class RegistrationPageTests extends OrreryIntegrationTest {

    private static final String[] FIELDS = { "givenNames", "familyName", "email", "password" };

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void registeringMintsAnIdInTheCurrentBlockAndSignsThePersonIn() {
        try (Browser browser = new Browser()) {
            String email = uniqueEmail();
            HtmlPage landed = submit(browser, Map.of("givenNames", "Rosalind", "familyName", "Franklin", "email", email,
                    "password", "photo-51-password"));

            assertThat(landed.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(landed.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(landed.getHtmlElementById("display-name").asNormalizedText()).isEqualTo("Rosalind Franklin");
            String orcid = landed.getHtmlElementById("orcid-id").asNormalizedText();
            assertThat(OrcidId.isValid(orcid)).as(orcid).isTrue();
            long base = Long.parseLong(orcid.replace("-", "").substring(0, 15));
            assertThat(base).isBetween(900_000_000_000L, 900_099_999_999L);
            assertThat(landed.asNormalizedText()).contains("Sign out");

            Map<String, Object> row = this.jdbc.queryForMap(
                    "SELECT given_names, family_name, email FROM researcher WHERE orcid = ?", orcid);
            assertThat(row).containsEntry("GIVEN_NAMES", "Rosalind").containsEntry("FAMILY_NAME", "Franklin")
                .containsEntry("EMAIL", email);

            HtmlPage again = browser.openHtml(BASE + "/my-orcid");
            assertThat(again.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(again.getHtmlElementById("orcid-id").asNormalizedText()).isEqualTo(orcid);
        }
    }

    @Test
    void storedPasswordIsAnArgon2idHashOfWhatWasTyped() {
        try (Browser browser = new Browser()) {
            String password = "a-long-secret-" + UUID.randomUUID();
            HtmlPage landed = submit(browser, Map.of("givenNames", "Lise", "familyName", "Meitner", "email",
                    uniqueEmail(), "password", password));
            String orcid = landed.getHtmlElementById("orcid-id").asNormalizedText();

            String hash = this.jdbc.queryForObject("SELECT password_hash FROM researcher WHERE orcid = ?",
                    String.class, orcid);
            // the test servers' parameters (OrreryIntegrationTest.TEST_PASSWORD_HASH), named in the hash
            assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain(password);
            var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
            assertThat(argon2.matches(password, hash.substring("{argon2id}".length()))).isTrue();
            assertThat(argon2.matches(password + "x", hash.substring("{argon2id}".length()))).isFalse();
        }
    }

    @Test
    void emailIsStoredLowerCased() {
        try (Browser browser = new Browser()) {
            String email = uniqueEmail();
            HtmlPage landed = submit(browser, Map.of("givenNames", "Emmy", "familyName", "Noether", "email",
                    email.toUpperCase(), "password", "ring-theory"));
            String orcid = landed.getHtmlElementById("orcid-id").asNormalizedText();
            assertThat(this.jdbc.queryForObject("SELECT email FROM researcher WHERE orcid = ?", String.class, orcid))
                .isEqualTo(email);
        }
    }

    @Test
    void longestAcceptedValuesAndShortestPasswordAreAccepted() {
        try (Browser browser = new Browser()) {
            String email = uniqueEmail();
            String longEmail = "x".repeat(320 - email.length()) + email;
            HtmlPage landed = submit(browser, Map.of("givenNames", "G".repeat(150), "familyName", "F".repeat(150),
                    "email", longEmail, "password", "8-chars!"));
            assertThat(landed.getUrl().getPath()).isEqualTo("/my-orcid");
            assertThat(count(longEmail)).isEqualTo(1);
        }
    }

    static Stream<Arguments> badApplications() {
        return Stream.of(
                Arguments.of("givenNames", "", "Please enter your given names."),
                Arguments.of("givenNames", "   ", "Please enter your given names."),
                Arguments.of("givenNames", "G".repeat(151), "Given names must be at most 150 characters."),
                Arguments.of("familyName", "F".repeat(151), "The family name must be at most 150 characters."),
                Arguments.of("email", "", "Please enter a valid email address."),
                Arguments.of("email", "not-an-email", "Please enter a valid email address."),
                Arguments.of("email", "two@@example.org", "Please enter a valid email address."),
                Arguments.of("email", "no-domain@example", "Please enter a valid email address."),
                Arguments.of("email", "with space@example.org", "Please enter a valid email address."),
                Arguments.of("email", "x".repeat(309) + "@example.org", "Please enter a valid email address."),
                Arguments.of("email", Dance.ADA_EMAIL.toUpperCase(),
                        "This email address is already registered. Sign in instead."),
                Arguments.of("email", "Ada@Example.Org", "This email address is already registered. Sign in instead."),
                Arguments.of("password", "", "The password must be at least 8 characters."),
                Arguments.of("password", "7-chars", "The password must be at least 8 characters."),
                Arguments.of("password", "p".repeat(73), "The password must be at most 72 bytes (as many plain"
                        + " letters and digits; fewer accented letters or other scripts)."),
                Arguments.of("password", "\u00e9".repeat(37), "The password must be at most 72 bytes (as many plain"
                        + " letters and digits; fewer accented letters or other scripts)."));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("badApplications")
    void badInputReRendersWithAMessageNextToTheFieldAndCreatesNothing(String field, String value, String message) {
        try (Browser browser = new Browser()) {
            String password = "typed-password-" + UUID.randomUUID();
            Map<String, String> typed = new java.util.HashMap<>(Map.of("givenNames", "Marie", "familyName",
                    "Sklodowska", "email", uniqueEmail(), "password", password));
            typed.put(field, value);
            long sameEmailBefore = count(typed.get("email"));

            HtmlPage page = submit(browser, typed);

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getUrl().getPath()).isEqualTo("/register");
            assertThat(page.getHtmlElementById("register-errors").asNormalizedText())
                .isEqualTo("Please correct the fields marked below.");
            DomElement error = page.getHtmlElementById(field + "-error");
            assertThat(error.asNormalizedText()).isEqualTo(message);
            HtmlInput input = page.getHtmlElementById(field);
            assertThat(input.getAttribute("aria-describedby")).isEqualTo(field + "-error");
            assertThat(input.getPreviousElementSibling().getTagName()).isEqualTo("label");
            assertThat(error.getPreviousElementSibling()).isSameAs(input);
            for (String other : FIELDS) {
                if (!other.equals(field)) {
                    assertThat(page.getElementById(other + "-error")).as(other + " has no error").isNull();
                }
            }
            for (String kept : new String[] { "givenNames", "familyName", "email" }) {
                HtmlInput keptInput = page.getHtmlElementById(kept);
                assertThat(keptInput.getValue()).as(kept).isEqualTo(typed.get(kept));
            }
            HtmlInput passwordInput = page.getHtmlElementById("password");
            assertThat(passwordInput.getValue()).isEmpty();
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain(password);

            assertThat(count(typed.get("email"))).isEqualTo(sameEmailBefore);
            assertThat(this.jdbc.queryForObject(
                    "SELECT COUNT(*) FROM researcher WHERE given_names = ? AND family_name = ?", Long.class,
                    typed.get("givenNames").trim(), typed.get("familyName"))).isZero();
        }
    }

    @Test
    void severalBadFieldsAreAllMarkedAtOnce() {
        try (Browser browser = new Browser()) {
            HtmlPage page = submit(browser, Map.of("givenNames", "", "familyName", "", "email", "nope", "password",
                    "short"));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(page.getHtmlElementById("givenNames-error").asNormalizedText())
                .isEqualTo("Please enter your given names.");
            assertThat(page.getHtmlElementById("email-error").asNormalizedText())
                .isEqualTo("Please enter a valid email address.");
            assertThat(page.getHtmlElementById("password-error").asNormalizedText())
                .isEqualTo("The password must be at least 8 characters.");
            assertThat(page.getElementById("familyName-error")).isNull();
            assertThat(count("nope")).isZero();
        }
    }

    @Test
    void refusedRegistrationLeavesThePersonSignedOut() {
        try (Browser browser = new Browser()) {
            submit(browser, Map.of("givenNames", "", "familyName", "Nobody", "email", uniqueEmail(), "password",
                    "long-enough"));
            HtmlPage record = browser.openHtml(BASE + "/my-orcid");
            assertThat(record.getUrl().getPath()).isEqualTo("/signin");
        }
    }

    private static HtmlPage submit(Browser browser, Map<String, String> values) {
        HtmlPage register = browser.openHtml(BASE + "/register");
        for (String field : FIELDS) {
            Browser.type(register, field, values.get(field));
        }
        return Browser.click(register, "register-button");
    }

    private long count(String email) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM researcher WHERE LOWER(email) = LOWER(TRIM(?))",
                Long.class, email);
    }

    private static String uniqueEmail() {
        return "b-" + UUID.randomUUID() + "@example.org";
    }
}
