package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orrery.support.DatabaseIndependent;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.orrery.support.RawHttp;
import org.orrery.support.Tokens;
import org.orrery.system.BadInput.Endpoint;
import org.orrery.system.BadValues.Value;

/**
 * A generated corpus of malformed input against every endpoint and form (security rule 13; DESIGN "done"): each
 * parameter set to each bad value, left out or repeated, junk parameters, hostile headers, raw bytes, oversized
 * and malformed bodies, bad iDs and put-codes. Every answer must be a proper refusal in the endpoint's own error
 * format with no trace (see {@link AnswerCheck}), and the database must hold the same rows afterwards.
 */
class BadInputCorpusTests extends OrreryIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Inputs that could store something sent between two looks at the database. */
    private static final int STORING_BATCH = 8;

    private static final AtomicInteger TRIED = new AtomicInteger();

    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();

    /** The documentation address (RFC 5737) the corpus's requests come from, through the node's proxy header. */
    private static final String SOURCE = "203.0.113.77";

    /**
     * The corpus's own Orrery on the shared database, so that its thousands of requests meet no rate limit and no
     * sign-in throttle (each has its own tests) and every input reaches its endpoint; its requests come from an
     * address of their own, so the throttle's rows for it concern no other test.
     */
    private static OrreryNode node;

    private static String base;

    private static CorpusEndpoints.Context context;

    private static DataSource dataSource;

    @BeforeAll
    static void startNode() {
        int port = freePort();
        base = "http://localhost:" + port;
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", base);
        settings.put("spring.datasource.url", DATASOURCE_URL);
        settings.put("spring.datasource.username", DATASOURCE_USERNAME);
        settings.put("spring.datasource.password", DATASOURCE_PASSWORD);
        settings.put("orrery.seed-file", testSeedFile());
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("orrery.sign-in-throttle.account-free-failures", "1000000");
        settings.put("orrery.sign-in-throttle.address-free-failures", "1000000");
        settings.put("server.forward-headers-strategy", "native");
        settings.put("orrery.admin.require-two-factor", "false");
        node = OrreryNode.start(settings);
        dataSource = node.bean(DataSource.class);
    }

    @AfterAll
    static void stopNodeAndReport() {
        if (node != null) {
            node.close();
        }
        System.out.printf("bad-input corpus: %d inputs, %d server errors%n", TRIED.get(), SERVER_ERRORS.get());
    }

    @BeforeEach
    void sessionsAndTokens() {
        if (context != null) {
            return;
        }
        String[] anonymous = session("/signin", "");
        String[] researcher = registerResearcher();
        String token = Tokens.threeLegged(BASE, PORT, "/read-limited /activities/update /person/update")
            .get("access_token").asString();
        context = new CorpusEndpoints.Context(node.port(), anonymous[0], anonymous[1], researcher[0], researcher[1],
                token, addWork(token));
    }

    @Test
    void oauthEndpointsRefuseBadInputInTheOAuthFormatAndStoreNothing() {
        List<BadInput> inputs = new ArrayList<>();
        for (Endpoint endpoint : CorpusEndpoints.oauth(context)) {
            inputs.addAll(everything(endpoint));
        }
        assertRefusedWithoutChange(inputs);
    }

    @Test
    void pagesAndFormsRefuseBadInputWithAPageAndStoreNothing() {
        List<BadInput> inputs = new ArrayList<>();
        for (Endpoint endpoint : CorpusEndpoints.pages(context)) {
            inputs.addAll(everything(endpoint));
        }
        List<BadInput> storing = new ArrayList<>();
        for (Endpoint form : CorpusEndpoints.storingForms(context)) {
            storing.addAll(Mutations.values(form, Value::strict));
        }
        for (Endpoint form : CorpusEndpoints.spoiltStoringForms(context)) {
            inputs.addAll(everything(form));
        }
        assertRefusedWithoutChange(inputs, storing);
    }

    @Test
    void apiRefusesBadPathsHeadersAndBodiesWithOrcidErrorsAndStoresNothing() {
        assertRefusedWithoutChange(List.of(), ApiCorpus.inputs(Dance.ADA_ORCID, context.accessToken(),
                context.ownWork()));
    }

    /**
     * Every route of the application's own route list, every method, every body kind (see {@link RouteCorpus}):
     * some 7,100 requests, about 30 s on a two-core machine, hence a longer limit than the default. No body it sends
     * is well-formed enough to reach the database, so the PostgreSQL pass leaves it out.
     */
    @Test
    @DatabaseIndependent
    @org.junit.jupiter.api.Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyRouteAnswersEveryMethodWithEveryBodyKindWithoutAServerErrorAndStoresNothing() {
        List<String> routes = RouteCorpus.routes(node.context());
        List<BadInput> inputs = RouteCorpus.inputs(routes, context);
        long start = System.nanoTime();
        DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
        List<String> failures = new ArrayList<>(RouteCorpus.sendAll(inputs,
                input -> send(input.method(), input.target(), input.headers(), input.body()), base));
        before.differences(DatabaseSnapshot.of(dataSource)).forEach(row -> failures.add("stored data changed: " + row));
        TRIED.addAndGet(inputs.size());
        System.out.printf("bad-input corpus: %d routes from the application's route list, %d inputs sent in %.1f s,"
                + " %d improper%n", routes.size(), inputs.size(), (System.nanoTime() - start) / 1e9, failures.size());
        assertThat(failures).as("improper answers to every method and body kind on every route").isEmpty();
    }

    @Test
    void operatorsConsoleRefusesBadInputWithAPageAndStoresNothing() {
        String[] signIn = session("/signin", "");
        RawHttp.Response signedIn = send("POST", "/signin", List.of(new String[] { "Cookie", signIn[0] },
                new String[] { "Content-Type", "application/x-www-form-urlencoded" }),
                latin1("userId=olga.operator%40example.org&password=olga-password&_csrf="
                        + BadValues.encode(signIn[1])));
        String[] operator = session("/admin/clients", cookie(signedIn, signIn[0]));
        List<BadInput> inputs = new ArrayList<>();
        for (Endpoint endpoint : AdminCorpus.pages(operator[0], operator[1])) {
            inputs.addAll(everything(endpoint));
        }
        List<BadInput> storing = new ArrayList<>();
        for (Endpoint form : AdminCorpus.storingForms(operator[0], operator[1])) {
            storing.addAll(Mutations.values(form, Value::strict));
        }
        assertRefusedWithoutChange(inputs, storing);
    }

    @Test
    @DatabaseIndependent
    void malformedHttpIsRefusedWithoutATrace() {
        assertRefusedWithoutChange(ProtocolCorpus.inputs());
    }

    /** A thorough endpoint's every mutation; a light one's strict and sample values, and a few headers. */
    private static List<BadInput> everything(Endpoint endpoint) {
        List<BadInput> inputs = new ArrayList<>(Mutations.values(endpoint,
                value -> endpoint.thorough() || value.strict() || BadValues.SAMPLE.contains(value.label())));
        inputs.addAll(Mutations.structure(endpoint));
        List<List<String[]>> headers = BadValues
            .headerVariants(BadValues.basic(Dance.MEMBER + ":" + Dance.MEMBER_SECRET));
        inputs.addAll(Mutations.headers(endpoint, endpoint.thorough() ? headers : BadValues.sample(headers)));
        if (endpoint.method().equals("POST") && endpoint.thorough()) {
            inputs.addAll(Mutations.formBodies(endpoint));
        }
        return inputs;
    }

    private void assertRefusedWithoutChange(List<BadInput> inputs) {
        assertRefusedWithoutChange(inputs, List.of());
    }

    /**
     * Sends the inputs, then the ones that could store something, a few at a time, each few followed by a look at
     * the database, so that a row they change is laid at the door of the few inputs that changed it (a row the
     * first inputs change is found by the comparison with the snapshot taken before them all).
     */
    private void assertRefusedWithoutChange(List<BadInput> inputs, List<BadInput> storing) {
        long start = System.nanoTime();
        DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
        // Inputs that store nothing go four at a time (as a crowd would send them); the ones that could store go
        // one by one, a look at the database after every few.
        List<String> failures = new ArrayList<>(RouteCorpus.sendAll(inputs, input -> {
            RawHttp.Response answer = send(input.method(), input.target(), input.headers(), input.body());
            TRIED.incrementAndGet();
            if (answer.status() >= 500) {
                SERVER_ERRORS.incrementAndGet();
            }
            return answer;
        }, base));
        List<BadInput> all = new ArrayList<>(inputs);
        all.addAll(storing);
        DatabaseSnapshot last = storing.isEmpty() ? before : DatabaseSnapshot.of(dataSource);
        Set<String> attributed = new HashSet<>();
        for (int from = inputs.size(); from < all.size(); from += STORING_BATCH) {
            List<BadInput> batch = all.subList(from, Math.min(all.size(), from + STORING_BATCH));
            for (BadInput input : batch) {
                RawHttp.Response answer;
                try {
                    answer = send(input.method(), input.target(), input.headers(), input.body());
                }
                catch (RuntimeException ex) {
                    failures.add(input.label() + ": " + ex.getMessage());
                    continue;
                }
                TRIED.incrementAndGet();
                if (answer.status() >= 500) {
                    SERVER_ERRORS.incrementAndGet();
                }
                List<String> problems = AnswerCheck.problems(input, answer, base);
                if (!problems.isEmpty()) {
                    failures.add(input.method() + " " + Mutations.abbreviated(input.target()) + " [" + input.label()
                            + "] -> " + answer.status() + ": " + String.join("; ", problems));
                }
            }
            DatabaseSnapshot now = DatabaseSnapshot.of(dataSource);
            for (String row : last.differences(now)) {
                failures.add("[one of " + String.join(" | ", batch.stream().map(BadInput::label).toList())
                        + "] changed " + row);
                attributed.add(row);
            }
            last = now;
        }
        List<String> changed = before.differences(DatabaseSnapshot.of(dataSource));
        System.out.printf("bad-input corpus: %d inputs sent in %.1f s, %d refused improperly, %d of %d rows changed%n",
                all.size(), (System.nanoTime() - start) / 1e9, failures.size(), changed.size(), before.rowCount());
        changed.stream().filter(row -> !attributed.contains(row))
            .forEach(row -> failures.add("stored data changed: " + row));
        assertThat(failures).as("improper answers to bad input, and rows it changed").isEmpty();
    }

    /** Sends a request to the corpus's node, from the corpus's own source address. */
    private static RawHttp.Response send(String method, String target, List<String[]> headers, byte[] body) {
        List<String[]> all = new ArrayList<>(headers);
        all.add(new String[] { "X-Forwarded-For", SOURCE });
        return RawHttp.send(node.port(), RawHttp.request(method, latin1(target), all, body, node.port()));
    }

    /** Adds a work to Ada's record through the member API; returns its put-code. */
    private static long addWork(String token) {
        String work = "{\"title\":{\"title\":{\"value\":\"Corpus work\"}},\"type\":\"journal-article\"}";
        RawHttp.Response created = send("POST", "/api/v3.0/" + Dance.ADA_ORCID + "/work",
                List.of(new String[] { "Authorization", "Bearer " + token },
                        new String[] { "Content-Type", "application/vnd.orcid+json" }),
                work.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Registers a researcher through the form; returns the signed-in session's cookie and its CSRF token. */
    private static String[] registerResearcher() {
        String[] anonymous = session("/register", "");
        String form = "givenNames=Corpus&familyName=Tester&email=corpus.tester%40example.org"
                + "&password=corpus-password&_csrf=" + BadValues.encode(anonymous[1]);
        RawHttp.Response registered = send("POST", "/register",
                List.of(new String[] { "Cookie", anonymous[0] },
                        new String[] { "Content-Type", "application/x-www-form-urlencoded" }),
                latin1(form));
        assertThat(registered.status()).as(registered.text()).isEqualTo(303);
        String cookie = cookie(registered, anonymous[0]);
        return session("/developer-tools", cookie);
    }

    /** Opens a page (in the given session, or a new one) and returns the session cookie and the form's token. */
    private static String[] session(String path, String cookie) {
        List<String[]> headers = cookie.isEmpty() ? List.of() : List.<String[]>of(new String[] { "Cookie", cookie });
        RawHttp.Response page = send("GET", path, headers, null);
        Matcher csrf = CSRF.matcher(page.text());
        assertThat(csrf.find()).as("a form with a CSRF token on " + path).isTrue();
        return new String[] { cookie(page, cookie), csrf.group(1) };
    }

    private static String cookie(RawHttp.Response response, String previous) {
        return response.headers("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(previous);
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
