package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orrery.support.Dance;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;

/**
 * ORCID's legacy prefix matching (the seeded client registered {@code https://legacy.example.org/orcid}) must not
 * let a redirect URI climb out of the registered path, whether its dots are written plainly or percent-encoded:
 * browsers resolve {@code %2e%2e} as {@code ..} (security rule 1; RFC 9700 §4.1.3).
 */
class LegacyPrefixDotSegmentTests extends OrreryIntegrationTest {

    private static final String PREFIX = "APP-TEST00000000PREF";

    private static final Pattern ERROR_MESSAGE = Pattern.compile("<p id=\"oauth-error\"[^>]*>([^<]*)</p>");

    @ParameterizedTest
    @ValueSource(strings = { "https://legacy.example.org/orcid/../admin",
            "https://legacy.example.org/orcid/%2e%2e/admin", "https://legacy.example.org/orcid/%2E%2E/admin",
            "https://legacy.example.org/orcid/.%2e/admin", "https://legacy.example.org/orcid/%2e./admin",
            "https://legacy.example.org/orcid/sub/%2e%2e" })
    void aPathThatClimbsOutOfTheRegisteredOneGetsTheErrorPage(String redirectUri) {
        HttpResponse<String> response = Http.get(Dance.authorizeUrl(BASE, PREFIX, "/authenticate", redirectUri, "s"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(errorMessage(response.body())).startsWith("The provided redirect URI ")
            .endsWith(" does not match the redirect URIs registered by this application.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://legacy.example.org/orcid/sub/path",
            "https://legacy.example.org/orcid/sub%2Epath" })
    void anEncodedDotThatDoesNotClimbIsStillAcceptedAndTheResearcherIsSentToSignIn(String redirectUri) {
        HttpResponse<String> response = Http.get(Dance.authorizeUrl(BASE, PREFIX, "/authenticate", redirectUri, "s"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).startsWith("/signin?oauth&client_id=" + PREFIX));
    }

    private static String errorMessage(String html) {
        Matcher matcher = ERROR_MESSAGE.matcher(html);
        assertThat(matcher.find()).as("the error page shows a message").isTrue();
        return matcher.group(1)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    }
}
