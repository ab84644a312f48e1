package org.orrery.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No template shows text outside a message bundle: every template under {@code src/main/resources/templates}
 * (every engineer's, present and future) is scanned for literal text nodes, literal user-visible attributes and
 * literal words inside {@code th:text} expressions.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void noTemplateHoldsTextOutsideTheBundles() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(10);
        for (Path template : templates) {
            for (String problem : TemplateText.outsideBundles(Files.readString(template, StandardCharsets.UTF_8))) {
                problems.add(TEMPLATES.relativize(template) + " " + problem);
            }
        }
        assertThat(problems).as("text outside the message bundles").isEmpty();
    }

    @Test
    void theScanFindsLiteralTextAttributesAndExpressionWords() {
        String template = """
                <main>
                  <h1>Welcome</h1>
                  <p th:text="#{fine}">Replaced placeholder</p>
                  <input placeholder="Your name">
                  <input th:placeholder="#{fine}" placeholder="Replaced">
                  <button type="submit" value="Send">&#8594;</button>
                  <span th:text="${name} + ' (you)'">x</span>
                  <a title="Help" th:title="#{help}">?</a>
                  <p>Orrery · ORCID iD: 2026</p>
                  <!--/* A comment may say anything. */-->
                  <script>let words = "not shown";</script>
                  <th:block th:text="'Edit: ' + ${heading}"></th:block>
                  <p th:utext="#{signin.continueTo(${html})}"><strong>App</strong></p>
                </main>
                """;

        assertThat(TemplateText.outsideBundles(template)).containsExactly("line 2: Welcome",
                "line 4: placeholder=\"Your name\"", "line 6: value=\"Send\"", "line 7: th:text literal ' (you)'",
                "line 12: th:text literal 'Edit: '");
    }
}
