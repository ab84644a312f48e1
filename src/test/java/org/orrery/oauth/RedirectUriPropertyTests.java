package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.orrery.oauth.RedirectUriVariants.Variant;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/**
 * Security rule 1, property-based: a generated variant of a seeded client's registered redirect URI is accepted
 * only when it is byte-identical, or differs only in the port of a loopback IP literal; every other variant gets
 * Orrery's HTML error page with no {@code Location} (rule 2). The legacy prefix client accepts whatever starts
 * with its registered URI (ORCID's raw string prefix, so {@code /orcidx} too), but refuses anything else, and a
 * fragment, whitespace or a dot segment that climbs out of the path.
 * Both flows are tried: the code flow's check (the authorization server's validator) and the implicit flow's
 * (Orrery's filter). Each property prints how many variants it tried and how often each kind of edit was made.
 */
class RedirectUriPropertyTests extends OrreryIntegrationTest {

    /** The seeded clients matched byte for byte, by their registered redirect URIs (test-seed.yml). */
    private static final Map<String, String> EXACT_CLIENTS = Map.of(
            "http://127.0.0.1/demo/callback", Dance.MEMBER,
            "https://client.example.org/orrery/callback", "APP-TESTA0000000EXCT",
            "http://127.0.0.1/demo/callback?tenant=a", "APP-TESTA0000000QURY");

    private static final String PREFIX_CLIENT = "APP-TEST00000000PREF";

    private static final String PREFIX_REGISTERED = "https://legacy.example.org/orcid";

    private static final Pattern LOOPBACK = Pattern.compile("(http://(?:127\\.0\\.0\\.1|\\[::1\\]))(/.*)?");

    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

    private static final Pattern ERROR_MESSAGE = Pattern.compile("<p id=\"oauth-error\"[^>]*>([^<]*)</p>");

    private static final AtomicInteger TRIED = new AtomicInteger();

    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    private static final AtomicInteger REFUSED = new AtomicInteger();

    @BeforeContainer
    static void startOrrery() {
        sharedOrrery(RedirectUriPropertyTests.class);
    }

    @AfterContainer
    static void report() {
        System.out.printf("redirect-URI properties: %d variants tried: %d accepted (identical or loopback port),"
                + " %d refused with the error page, %d below the legacy prefix (not judged)%n", TRIED.get(),
                ACCEPTED.get(), REFUSED.get(), TRIED.get() - ACCEPTED.get() - REFUSED.get());
    }

    @Property(tries = 1500)
    void aVariantIsAcceptedOnlyWhenIdenticalOrALoopbackPortVariant(@ForAll("exactVariants") Variant variant,
            @ForAll("responseTypes") String responseType) {
        variant.edits().forEach(edit -> Statistics.label("edit").collect(edit.kind()));
        boolean expected = isIdenticalOrLoopbackPortVariant(variant.registered(), variant.uri());
        Statistics.label("verdict").collect(expected ? "accepted" : "refused");
        HttpResponse<String> response = authorize(EXACT_CLIENTS.get(variant.registered()), variant.uri(),
                responseType);
        if (expected) {
            assertSentToSignIn(response);
        }
        else {
            assertErrorPage(response, variant.uri());
        }
    }

    @Property(tries = 500)
    void theLegacyPrefixClientRefusesAnotherOriginAFragmentAndAClimbOutOfItsPath(
            @ForAll("prefixVariants") Variant variant) {
        variant.edits().forEach(edit -> Statistics.label("edit").collect(edit.kind()));
        String uri = variant.uri();
        boolean keepsPrefix = uri.startsWith(PREFIX_REGISTERED);
        String tail = keepsPrefix ? uri.substring(PREFIX_REGISTERED.length()) : "";
        boolean mustRefuse = !keepsPrefix || tail.contains("#") || climbs(tail) || hasSpaceOrControl(tail);
        Statistics.label("verdict").collect(mustRefuse ? "must be refused" : "below the prefix (not judged)");
        HttpResponse<String> response = authorize(PREFIX_CLIENT, uri, "code");
        if (mustRefuse) {
            assertErrorPage(response, uri);
        }
    }

    @Provide
    Arbitrary<Variant> exactVariants() {
        return RedirectUriVariants.of(List.copyOf(EXACT_CLIENTS.keySet()), RedirectUriVariants.anyEdit());
    }

    @Provide
    Arbitrary<String> responseTypes() {
        return Arbitraries.of("code", "token");
    }

    @Provide
    Arbitrary<Variant> prefixVariants() {
        return Arbitraries.oneOf(
                RedirectUriVariants.of(List.of(PREFIX_REGISTERED), RedirectUriVariants.authorityEdit()),
                RedirectUriVariants.of(List.of(PREFIX_REGISTERED + "/sub/path"), RedirectUriVariants.anyEdit()));
    }

    /**
     * The rule, written independently of Orrery's matcher: the same string, or for a loopback IP literal the same
     * string with a port (decimal, 1 to 65535, no leading zero) added after the host.
     */
    static boolean isIdenticalOrLoopbackPortVariant(String registered, String requested) {
        if (requested.equals(registered)) {
            return true;
        }
        Matcher loopback = LOOPBACK.matcher(registered);
        if (!loopback.matches()) {
            return false;
        }
        String origin = loopback.group(1) + ":";
        String rest = registered.substring(loopback.group(1).length());
        if (!requested.startsWith(origin) || !requested.endsWith(rest)
                || requested.length() < origin.length() + rest.length()) {
            return false;
        }
        String port = requested.substring(origin.length(), requested.length() - rest.length());
        return PORT.matcher(port).matches() && Integer.parseInt(port) <= 65535;
    }

    /** A {@code ..} segment, with its dots or slashes written plainly, percent-encoded or as backslashes. */
    private static boolean climbs(String path) {
        String decoded = path.toLowerCase(java.util.Locale.ROOT).replace("%25", "%").replace("%2e", ".")
            .replace("%2f", "/").replace('\\', '/');
        return decoded.matches("(?s).*/\\.\\.(?:[/;?#].*)?");
    }

    private static boolean hasSpaceOrControl(String s) {
        return s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
    }

    /** The code flow's request (checked by the authorization server), or the implicit flow's (by Orrery's filter). */
    private static HttpResponse<String> authorize(String clientId, String redirectUri, String responseType) {
        TRIED.incrementAndGet();
        return Http.get(Dance.authorizeUrl(BASE, clientId, "/authenticate", redirectUri, "p")
            .replace("response_type=code", "response_type=" + responseType));
    }

    private static void assertSentToSignIn(HttpResponse<String> response) {
        ACCEPTED.incrementAndGet();
        assertThat(response.statusCode()).as("status").isEqualTo(302);
        URI location = URI.create(BASE + "/").resolve(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/signin");
    }

    private static void assertErrorPage(HttpResponse<String> response, String variant) {
        REFUSED.incrementAndGet();
        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).as("Location").isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        Matcher message = ERROR_MESSAGE.matcher(response.body());
        assertThat(message.find()).as("the error page shows a message").isTrue();
        assertThat(message.group(1)).startsWith("The provided redirect URI ");
        if (variant.contains("<")) {
            assertThat(response.body()).as("the URI is shown escaped").doesNotContain(variant);
        }
    }
}
