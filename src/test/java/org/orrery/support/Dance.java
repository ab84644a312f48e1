package org.orrery.support;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;

/** The steps of a three-legged OAuth dance, driven through a real browser and real HTTP. */
public final class Dance {

    /** Seeded by the test seed file (src/test/resources/test-seed.yml). */
    public static final String MEMBER = "APP-TEST000000000001";
    public static final String MEMBER_SECRET = "test-member-secret-0001";
    public static final String OTHER_MEMBER = "APP-TEST000000000002";
    public static final String OTHER_MEMBER_SECRET = "test-member-secret-0002";
    public static final String ADA_ORCID = "0000-0002-1694-233X";
    public static final String ADA_EMAIL = "ada@example.org";
    public static final String ADA_PASSWORD = "ada-password";
    public static final String BOB_EMAIL = "bob@example.org";
    public static final String BOB_PASSWORD = "bob-password";

    private Dance() {
    }

    /** The loopback redirect URI the test clients registered; Orrery's own demo callback page answers it. */
    public static String redirectUri(int port) {
        return "http://127.0.0.1:" + port + "/demo/callback";
    }

    public static String authorizeUrl(String base, String clientId, String scope, String redirectUri, String state) {
        StringBuilder url = new StringBuilder(base).append("/oauth/authorize?client_id=").append(enc(clientId))
            .append("&response_type=code&scope=").append(enc(scope)).append("&redirect_uri=").append(enc(redirectUri));
        if (state != null) {
            url.append("&state=").append(enc(state));
        }
        return url.toString();
    }

    /**
     * Opens the authorize URL, signs in and presses "Authorize access"; returns where the browser landed. When the
     * researcher already granted exactly these scopes, there is no consent screen to press (ORCID's auto-approve).
     */
    public static URI authorize(Browser browser, String authorizeUrl, String userId, String password) {
        HtmlPage signIn = browser.openHtml(authorizeUrl);
        Page afterSignIn = Browser.signIn(signIn, userId, password);
        if (afterSignIn instanceof HtmlPage consent && consent.getElementById("authorize") != null) {
            return toUri(Browser.click(consent, "authorize"));
        }
        return toUri(afterSignIn);
    }

    /** Runs a whole dance and returns the code that came back. */
    public static String code(Browser browser, String base, int port, String clientId, String scope, String userId,
            String password) {
        URI landed = authorize(browser, authorizeUrl(base, clientId, scope, redirectUri(port), "s1"), userId, password);
        return query(landed).get("code");
    }

    public static URI toUri(Page page) {
        return URI.create(page.getUrl().toString());
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
