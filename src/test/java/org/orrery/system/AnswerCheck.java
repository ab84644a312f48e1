package org.orrery.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.orrery.support.RawHttp;
import org.orrery.system.BadInput.Expect;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What any answer to bad input must be: no 5xx, the endpoint's error format, no stack trace, SQL or internal
 * class name, no unescaped echo of markup in a page, no injected header, and no redirect off the site except to
 * a registered redirect URI.
 */
final class AnswerCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What an answer must not show, each with the plain strings one of which any match contains: the pattern runs
     * only when one is there, since scanning every answer with every pattern cost more than sending the corpus.
     */
    private static final List<Leak> LEAKS = List.of(
            new Leak(Pattern.compile("\\bat [a-z][\\w$]*(?:\\.[\\w$]+)+\\([\\w$]*\\.java:\\d+\\)"), false, ".java:"),
            new Leak(Pattern.compile("\\.java:\\d+"), false, ".java:"),
            new Leak(Pattern.compile("\\b\\w+(?:Exception|Throwable)\\b"), false, "Exception", "Throwable"),
            new Leak(Pattern.compile("Caused by:"), false, "Caused by:"),
            new Leak(Pattern.compile("\\b(?:java|javax|jakarta|org\\.springframework|org\\.orrery|org\\.h2|org\\.postgresql"
                    + "|org\\.apache|org\\.thymeleaf|tools\\.jackson|com\\.fasterxml)\\.[a-z]"), false, "java.", "javax.",
                    "jakarta.", "org.springframework.", "org.orrery.", "org.h2.", "org.postgresql.", "org.apache.",
                    "org.thymeleaf.", "tools.jackson.", "com.fasterxml."),
            new Leak(Pattern.compile("(?i)\\bsql\\b|SQLState|JdbcSQL|syntax error at|\\bSELECT\\b[^<>]{0,200}\\bFROM\\b"
                    + "|INSERT INTO|violates .* constraint|Referential integrity"), true, "sql", "syntax error at",
                    "select", "insert into", "violates ", "referential integrity"),
            new Leak(Pattern.compile("Apache Tomcat/\\d"), false, "Apache Tomcat/"));

    /** A pattern, whether it ignores case (its needles are then lower case), and its needles. */
    private record Leak(Pattern pattern, boolean ignoreCase, String... needles) {

        /** The first match in the body (or its lower-case copy's needles), or null. */
        String find(String body, String lowerCaseBody) {
            String haystack = this.ignoreCase ? lowerCaseBody : body;
            for (String needle : this.needles) {
                if (haystack.contains(needle)) {
                    var found = this.pattern.matcher(body);
                    return found.find() ? found.group() : null;
                }
            }
            return null;
        }
    }

    /** Where a redirect may go besides this site: the seeded clients' registered redirect URIs. */
    private static final Pattern REGISTERED_REDIRECT = Pattern.compile(
            "(?:http://127\\.0\\.0\\.1(?::\\d+)?/demo/callback|https://client\\.example\\.org/orrery/callback"
                    + "|https://legacy\\.example\\.org/orcid)(?:[?#/].*)?");

    private AnswerCheck() {
    }

    /** The problems with this answer; empty when it is a proper refusal (or a proper answer). */
    static List<String> problems(BadInput input, RawHttp.Response answer, String base) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        String body = answer.text();
        String type = answer.header("Content-Type").orElse("");
        if (status >= 500) {
            problems.add("server error " + status);
        }
        String lowerCaseBody = body.toLowerCase(Locale.ROOT);
        for (Leak leak : LEAKS) {
            String found = leak.find(body, lowerCaseBody);
            if (found != null) {
                problems.add("leaks '" + Mutations.abbreviated(found) + "'");
            }
        }
        if (!answer.headers("x-injected").isEmpty()) {
            problems.add("a header was injected");
        }
        if (type.startsWith("text/html") && (body.contains("<script>alert('orrery-xss')")
                || body.contains("<img src=x onerror"))) {
            problems.add("markup from the input is echoed unescaped");
        }
        if (status >= 300 && status < 400) {
            String location = answer.header("Location").orElse("");
            boolean sameSite = location.startsWith(base + "/")
                    || location.startsWith("/") && !location.startsWith("//");
            boolean registered = (input.expect() == Expect.AUTHORIZE || input.expect() == Expect.SANDBOX_AUTHORIZE)
                    && REGISTERED_REDIRECT.matcher(location).matches();
            if (!sameSite && !registered) {
                problems.add("redirects to " + Mutations.abbreviated(location));
            }
            if (input.expect() == Expect.OAUTH_JSON || input.expect() == Expect.USERINFO_JSON) {
                problems.add("redirects from an OAuth endpoint that answers JSON");
            }
            return problems;
        }
        if (status < 400) {
            return problems;
        }
        if (isHttpLayerRefusal(status, body) || input.method().equals("HEAD")) {
            return problems; // a HEAD answer has no body to be in any format
        }
        String format = formatProblem(input.expect(), status, type, body);
        if (format != null) {
            problems.add(format);
        }
        return problems;
    }

    private static String formatProblem(Expect expect, int status, String type, String body) {
        return switch (expect) {
            case OAUTH_JSON, USERINFO_JSON -> hasTextField(type, body, "error") ? null
                    : "not an OAuth JSON error (" + type + ")";
            case JSON -> status == 406 || isJson(type, body) ? null : "not JSON (" + type + ")";
            case API -> isOrcidError(type, body)
                    || (status == 401 || status == 403) && hasTextField(type, body, "error") ? null
                            : "not ORCID's error body (" + type + ")";
            case PAGE, AUTHORIZE -> type.startsWith("text/html") && body.contains("<html") ? null
                    : "not an HTML page (" + type + ")";
            case SANDBOX_AUTHORIZE -> hasTextField(type, body, "error")
                    || type.startsWith("text/html") && body.contains("<html") ? null
                            : "neither an OAuth JSON error nor an HTML page (" + type + ")";
            case CONNECTOR -> status >= 400 && status < 500 ? null : "status " + status;
        };
    }

    /**
     * The servlet container's own status page: it refused the request line or headers before any endpoint was
     * chosen (an encoded NUL in the path, a request line over its size limit), so no face's format applies.
     */
    static boolean isHttpLayerRefusal(int status, String body) {
        return status >= 400 && status < 500
                && body.startsWith("<!doctype html><html lang=\"en\"><head><title>HTTP Status " + status);
    }

    private static boolean isOrcidError(String type, String body) {
        if (type.contains("xml")) {
            return body.contains("http://www.orcid.org/ns/error") && body.contains("response-code")
                    && body.contains("developer-message");
        }
        JsonNode json = parse(type, body);
        return json != null && json.has("response-code") && json.has("developer-message")
                && json.has("error-code");
    }

    private static boolean hasTextField(String type, String body, String field) {
        JsonNode json = parse(type, body);
        return json != null && json.path(field).isString();
    }

    private static boolean isJson(String type, String body) {
        return parse(type, body) != null;
    }

    private static JsonNode parse(String type, String body) {
        if (!type.startsWith("application/json") && !type.contains("+json")) {
            return null;
        }
        try {
            return JSON.readTree(body);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}
