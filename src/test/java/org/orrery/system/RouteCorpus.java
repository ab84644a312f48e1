package org.orrery.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orrery.support.Dance;
import org.orrery.support.RawHttp;
import org.orrery.system.BadInput.Expect;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application serves, read from its own route list (the request mappings of every handler mapping,
 * actuator included, the authorization server's endpoints and the paths of its path-bound filters), so that a new
 * route is covered without editing the corpus. Each route is sent every method with every kind of body (none,
 * empty, an undecodable form, a huge form, a wrong content type, invalid JSON, invalid XML) with its path variables
 * filled by well-formed values, and every method once more with ill-formed ones. Requests carry the researcher's
 * session (pages) or the member token (API), so that they reach the endpoints rather than stop at sign-in; none
 * carries a CSRF token or a well-formed body, so none may store anything.
 */
final class RouteCorpus {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

    /** A body kind: its label, content type (null for none) and bytes (null for none). */
    record Body(String label, String contentType, byte[] bytes) {
    }

    static final List<Body> BODIES = List.of(new Body("no body", null, null),
            new Body("empty body", "application/x-www-form-urlencoded", new byte[0]),
            new Body("undecodable form", "application/x-www-form-urlencoded", latin1("x=%ZZ&_csrf=%G1&y=%")),
            new Body("huge form", "application/x-www-form-urlencoded", latin1("a=b&".repeat(16_384))),
            new Body("wrong content type", "image/png", latin1("\u0089PNG\r\n\u001a\n<record/>{}")),
            new Body("invalid JSON", "application/vnd.orcid+json", latin1("{\"title\":{\"title\":[1,,}")),
            new Body("invalid XML", "application/vnd.orcid+xml", latin1("<work:work xmlns:work=\"x\"><a></b>")));

    private RouteCorpus() {
    }

    /** The application's routes: path patterns, sorted, the error page's own path left out. */
    static List<String> routes(ApplicationContext application) {
        TreeSet<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : application
            .getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> routes.addAll(info.getPatternValues()));
        }
        AuthorizationServerSettings server = application.getBean(AuthorizationServerSettings.class);
        routes.addAll(List.of(server.getAuthorizationEndpoint(), server.getTokenEndpoint(),
                server.getTokenRevocationEndpoint(), server.getTokenIntrospectionEndpoint(),
                server.getJwkSetEndpoint(), server.getOidcUserInfoEndpoint()));
        for (FilterRegistrationBean<?> filter : application.getBeansOfType(FilterRegistrationBean.class).values()) {
            filter.getUrlPatterns().stream().filter(p -> !p.equals("/*")).forEach(routes::add);
        }
        routes.remove("/error");
        return List.copyOf(routes);
    }

    static List<BadInput> inputs(List<String> routes, CorpusEndpoints.Context context) {
        List<BadInput> inputs = new ArrayList<>();
        for (String route : routes) {
            String wellFormed = fill(route, true, context);
            String illFormed = fill(route, false, context);
            for (int m = 0; m < METHODS.size(); m++) {
                String method = METHODS.get(m);
                for (Body body : BODIES) {
                    inputs.add(input(method, wellFormed, body, context));
                }
                if (!illFormed.equals(wellFormed)) {
                    inputs.add(input(method, illFormed, BODIES.get(m % BODIES.size()), context));
                }
            }
        }
        return inputs;
    }

    private static BadInput input(String method, String path, Body body, CorpusEndpoints.Context context) {
        List<String[]> headers = new ArrayList<>();
        Expect expect = expect(path);
        if (expect == Expect.API) {
            headers.add(new String[] { "Authorization", "Bearer " + context.accessToken() });
        }
        else {
            headers.add(new String[] { "Cookie", context.researcherCookie() });
        }
        if (body.contentType() != null) {
            headers.add(new String[] { "Content-Type", body.contentType() });
        }
        return new BadInput("route " + path + " " + body.label(), method, path, headers, body.bytes(), expect);
    }

    /** The route with its variables filled: by values of the right shape, or by ill-formed ones. */
    static String fill(String route, boolean wellFormed, CorpusEndpoints.Context context) {
        boolean api = route.startsWith("/api/") || route.startsWith("/pub/");
        String path = route.replace("/**", api ? "/v3.0/" + Dance.ADA_ORCID + "/record" : "/x").replace("*", "x");
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(filled, Matcher.quoteReplacement(value(variable.group(1), wellFormed)));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private static String value(String name, boolean wellFormed) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!wellFormed) {
            return lower.contains("code") || lower.equals("id") ? "-1" : "%E2%80%AE..%3Cx%3E%25";
        }
        if (lower.contains("orcid")) {
            return Dance.ADA_ORCID;
        }
        if (lower.contains("putcode")) {
            // well-formed but nobody's: a DELETE with the member token must find nothing to delete
            return "987654321";
        }
        if (lower.contains("client")) {
            return Dance.MEMBER;
        }
        if (lower.equals("kind") || lower.equals("section")) {
            return "work";
        }
        return Map.of("id", "987654321").getOrDefault(lower, "something");
    }

    /** The error format a path's callers read, as the application's faces divide paths. */
    static Expect expect(String path) {
        if (path.startsWith("/actuator/health/")) {
            return Expect.CONNECTOR; // a health group the actuator does not know: its own bodiless 404
        }
        if (path.startsWith("/api/") || path.startsWith("/pub/") || path.startsWith("/v3.0/")) {
            return path.endsWith("/oauth/token") ? Expect.OAUTH_JSON : Expect.API;
        }
        if (path.equals("/oauth/token") || path.equals("/oauth/revoke") || path.equals("/oauth/introspect")) {
            return Expect.OAUTH_JSON;
        }
        if (path.equals("/oauth/userinfo")) {
            return Expect.USERINFO_JSON;
        }
        if (path.equals("/oauth/jwks") || path.startsWith("/.well-known/") || path.startsWith("/actuator")
                || path.equals("/admin/audit-events") || path.equals("/admin/mail-outbox") || path.endsWith(".json")) {
            return Expect.JSON;
        }
        if (path.equals("/sandbox/oauth/authorize") || path.equals("/sandbox/reset")) {
            return Expect.SANDBOX_AUTHORIZE; // the client's refusals in OAuth JSON, the rest as pages
        }
        return path.equals("/oauth/authorize") ? Expect.AUTHORIZE : Expect.PAGE;
    }

    /**
     * Sends the inputs on a few connections at once (they store nothing, so their order does not matter) and
     * returns the improper answers, as {@link AnswerCheck} judges them.
     */
    static List<String> sendAll(List<BadInput> inputs, java.util.function.Function<BadInput, RawHttp.Response> send,
            String base) {
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(4);
        try {
            pool.submit(() -> inputs.parallelStream().forEach(input -> {
                try {
                    RawHttp.Response answer = send.apply(input);
                    List<String> problems = AnswerCheck.problems(input, answer, base);
                    if (!problems.isEmpty()) {
                        failures.add(input.method() + " " + Mutations.abbreviated(input.target()) + " ["
                                + input.label() + "] -> " + answer.status() + ": " + String.join("; ", problems));
                    }
                }
                catch (RuntimeException ex) {
                    failures.add(input.method() + " " + input.label() + ": " + ex.getMessage());
                }
            })).join();
        }
        finally {
            pool.shutdown();
        }
        return failures;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
