package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.support.RawHttp;
import org.orrery.system.BadInput.Expect;

/** The bad-input corpus's judge finds what an answer must not show, and passes a proper refusal. */
class AnswerCheckTests {

    private static final BadInput INPUT = new BadInput("sample", "GET", "/signin", List.of(), null, Expect.PAGE);

    @Test
    void aProperRefusalPageHasNoProblem() {
        assertThat(problems("<html><body><main><h1>Bad request</h1><select><option>x</option></select>"
                + "</main></body></html>")).isEmpty();
    }

    @Test
    void stackTracesClassNamesAndSqlAreFoundWhateverTheirCase() {
        assertThat(problems("<html>\tat org.orrery.web.Pages.show(Pages.java:42)</html>"))
            .anyMatch(problem -> problem.contains("at org.orrery.web.Pages.show")).anyMatch(problem -> problem.contains(".java:42"));
        assertThat(problems("<html>IllegalStateException</html>")).anyMatch(problem -> problem.contains("Exception"));
        assertThat(problems("<html>see org.springframework.web</html>"))
            .anyMatch(problem -> problem.contains("org.springframework.w"));
        assertThat(problems("<html>Bad Sql grammar</html>")).anyMatch(problem -> problem.contains("Sql"));
        assertThat(problems("<html>select name from researcher</html>"))
            .anyMatch(problem -> problem.contains("select name from"));
        assertThat(problems("<html>Apache Tomcat/11.0</html>")).anyMatch(problem -> problem.contains("Tomcat"));
    }

    private static List<String> problems(String page) {
        RawHttp.Response answer = new RawHttp.Response(400,
                List.<String[]>of(new String[] { "content-type", "text/html;charset=UTF-8" }),
                page.getBytes(StandardCharsets.UTF_8));
        return AnswerCheck.problems(INPUT, answer, "http://localhost:1");
    }
}
