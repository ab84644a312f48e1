package org.orrery.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of the three-legged dance over plain HTTP, as a browser without JavaScript takes them: authorize,
 * sign in (with the form's CSRF token), consent, code; then the client's exchange, API calls, userinfo and
 * revocation.
 */
final class DanceClient {

    /** The researcher and member client of bench/seed.yml. */
    static final String EMAIL = "bench@example.org";
    static final String PASSWORD = "bench-password";
    static final String CLIENT_ID = "APP-BENCH00000000001";
    static final String CLIENT_SECRET = "bench-member-secret-0001";
    static final String REDIRECT_URI = "http://127.0.0.1/bench/callback";
    static final String SCOPE = "/read-limited /activities/update";

    private final String base;

    private final TokenClient tokens;

    DanceClient(String base) {
        this.base = base;
        this.tokens = new TokenClient(base + "/oauth/token", CLIENT_ID, CLIENT_SECRET, TokenClient.Authentication.POST);
    }

    /**
     * A cold dance: a new browser (empty cookie jar) signs in as this researcher, consents and gets a code; the
     * client exchanges it. Orrery, like ORCID, skips the consent screen while the researcher holds a working token
     * for the client with the same scopes, so the client revokes the token at the end: the next dance of the same
     * researcher sees the consent screen again.
     */
    void coldDance(String email) throws IOException {
        CookieJar browser = new CookieJar();
        String signIn = Web.redirect(Web.get(authorizeUrl(SCOPE), browser), 302, "authorize");
        String resumed = signIn(browser, signIn, email);
        String answer = exchange(codeAfterAuthorize(browser, Web.redirect(Web.get(resumed, browser), 302,
                "resume authorize")));
        revoke(Web.jsonString(answer, "access_token"));
    }

    /** Registers a researcher through the registration page; the password is {@link #PASSWORD}. */
    void register(String email) throws IOException {
        CookieJar browser = new CookieJar();
        HttpResponse<String> page = Web.get(this.base + "/register", browser);
        Web.expect(page, 200, "registration page");
        List<String[]> form = new ArrayList<>(Web.hiddenInputs(page.body(), "register-form"));
        form.add(new String[] { "givenNames", "Bench" });
        form.add(new String[] { "familyName", "Worker" });
        form.add(new String[] { "email", email });
        form.add(new String[] { "password", PASSWORD });
        Web.redirect(Web.post(this.base + "/register", browser, form), 303, "register");
    }

    /**
     * A warm dance: a browser that is signed in, and whose consent to {@link #SCOPE} is remembered, is sent by
     * authorize straight back to the client with a code; the client exchanges it.
     */
    void warmDance(CookieJar signedIn) throws IOException {
        String landed = authorize(signedIn, SCOPE);
        if (!landed.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("authorize: expected the client's redirect URI, got " + landed);
        }
        exchange(codeAt(landed));
    }

    /** A browser that has signed in as the seeded researcher (and so can get codes without signing in again). */
    CookieJar signedInBrowser() throws IOException {
        return signedInBrowser(EMAIL);
    }

    /** A browser that has signed in as this researcher. */
    CookieJar signedInBrowser(String email) throws IOException {
        CookieJar browser = new CookieJar();
        signIn(browser, this.base + "/signin", email);
        return browser;
    }

    /** A new code for {@link #SCOPE} for a signed-in browser. */
    String code(CookieJar signedIn) throws IOException {
        return code(signedIn, SCOPE);
    }

    /** A new code for these scopes (space-separated) for a signed-in browser, consenting if asked. */
    String code(CookieJar signedIn, String scope) throws IOException {
        return codeAfterAuthorize(signedIn, authorize(signedIn, scope));
    }

    /** Where {@code GET /oauth/authorize} for these scopes redirects a signed-in browser. */
    String authorize(CookieJar signedIn, String scope) throws IOException {
        return Web.redirect(Web.get(authorizeUrl(scope), signedIn), 302, "authorize");
    }

    /** Revokes a token (RFC 7009), as the client. */
    void revoke(String token) throws IOException {
        HttpResponse<String> revoked = Web.post(this.base + "/oauth/revoke", null,
                List.of(new String[] { "token", token }, new String[] { "client_id", CLIENT_ID },
                        new String[] { "client_secret", CLIENT_SECRET }));
        Web.expect(revoked, 200, "revoke");
    }

    /** The token endpoint's JSON answer for a code. */
    String exchange(String code) throws IOException {
        HttpResponse<String> token = this.tokens.grant("authorization_code", "code", code, "redirect_uri",
                REDIRECT_URI);
        Web.expect(token, 200, "exchange");
        return token.body();
    }

    /** The seeded member client at Orrery's token endpoint. */
    TokenClient tokens() {
        return this.tokens;
    }

    /** {@code GET /oauth/userinfo} with this bearer token, unchecked. */
    HttpResponse<String> userInfo(String accessToken) throws IOException {
        return Web.get(this.base + "/oauth/userinfo", null, "Authorization", "Bearer " + accessToken);
    }

    void readRecord(String orcid, String accessToken) throws IOException {
        HttpResponse<String> record = Web.get(this.base + "/api/v3.0/" + orcid + "/record", null, "Authorization",
                "Bearer " + accessToken, "Accept", "application/vnd.orcid+json");
        Web.expect(record, 200, "record read");
    }

    private String signIn(CookieJar browser, String signInUrl, String email) throws IOException {
        HttpResponse<String> page = Web.get(signInUrl, browser);
        Web.expect(page, 200, "sign-in page");
        List<String[]> form = new ArrayList<>(Web.hiddenInputs(page.body(), "signin-form"));
        form.add(new String[] { "userId", email });
        form.add(new String[] { "password", PASSWORD });
        return Web.redirect(Web.post(this.base + "/signin", browser, form), 303, "sign in");
    }

    /** After authorize: the consent screen and the decision, or straight to the client when consent is remembered. */
    private String codeAfterAuthorize(CookieJar browser, String next) throws IOException {
        String landed = next;
        if (!next.startsWith(REDIRECT_URI)) {
            HttpResponse<String> page = Web.get(next, browser);
            Web.expect(page, 200, "consent page");
            List<String[]> form = Web.hiddenInputs(page.body(), "authorize-form");
            landed = Web.redirect(Web.post(this.base + "/oauth/authorize", browser, form), 302, "consent");
        }
        return codeAt(landed);
    }

    private static String codeAt(String landed) {
        Map<String, String> query = Web.query(landed);
        if (query.get("code") == null) {
            throw new IllegalStateException("authorize: no code in " + landed);
        }
        return query.get("code");
    }

    private String authorizeUrl(String scope) {
        return this.base + "/oauth/authorize?client_id=" + CLIENT_ID + "&response_type=code&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8).replace("+", "%20") + "&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8);
    }
}
