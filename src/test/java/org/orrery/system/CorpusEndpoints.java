package org.orrery.system;

import java.util.ArrayList;
import java.util.List;

import org.orrery.support.Dance;
import org.orrery.system.BadInput.Endpoint;
import org.orrery.system.BadInput.Expect;

/**
 * The well-formed requests the corpus starts from, one per endpoint and form (and per grant type at the token
 * endpoint), with the sessions, CSRF tokens and credentials they need. None of them may store anything when
 * changed for the worse: codes, refresh tokens and tokens to revoke are unknown values, and forms that store are
 * refused for one strict value at a time.
 */
final class CorpusEndpoints {

    /**
     * What the endpoints need: sessions (cookie and CSRF token), a member API token for Ada and the put-code of a
     * work its client added to Ada's record.
     */
    record Context(int port, String anonymousCookie, String anonymousCsrf, String researcherCookie,
            String researcherCsrf, String accessToken, long ownWork) {
    }

    static final String UNKNOWN = "0a1b2c3d-aaaa-4bbb-8ccc-0123456789ab";

    private static final String VERIFIER = "v".repeat(43);

    private CorpusEndpoints() {
    }

    static List<Endpoint> oauth(Context c) {
        String redirect = BadValues.encode(Dance.redirectUri(c.port()));
        String member = Dance.MEMBER;
        String secret = Dance.MEMBER_SECRET;
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("authorize (code)", "/oauth/authorize", Expect.AUTHORIZE, List.of(),
                "client_id", member, "response_type", "code", "scope", "/authenticate", "redirect_uri", redirect,
                "state", "s1", "nonce", "n1", "prompt", "login", "max_age", "60", "code_challenge", VERIFIER,
                "code_challenge_method", "S256", "orcid", Dance.ADA_ORCID, "email", "ada%40example.org",
                "given_names", "Ada", "family_names", "Lovelace", "show_login", "true"));
        endpoints.add(get("authorize (implicit)", "/oauth/authorize", Expect.AUTHORIZE, List.of(), "client_id",
                member, "response_type", "token", "scope", "openid", "redirect_uri", redirect, "state", "s1",
                "nonce", "n1"));
        endpoints.add(post("consent decision", "/oauth/authorize", Expect.AUTHORIZE, session(c.researcherCookie()),
                "client_id", member, "state", UNKNOWN, "scope", "/authenticate", "_csrf", c.researcherCsrf()));
        for (String path : List.of("/oauth/token", "/api/oauth/token", "/pub/oauth/token")) {
            Endpoint token = post("token (authorization_code) " + path, path, Expect.OAUTH_JSON, List.of(),
                    "client_id", member, "client_secret", secret, "grant_type", "authorization_code", "code",
                    "Ab12Cd", "redirect_uri", redirect, "code_verifier", VERIFIER, "scope", "/read-limited");
            endpoints.add(path.equals("/oauth/token") ? token : token.light());
        }
        endpoints.add(post("token (refresh_token)", "/oauth/token", Expect.OAUTH_JSON, List.of(), "client_id",
                member, "client_secret", secret, "grant_type", "refresh_token", "refresh_token", UNKNOWN, "scope",
                "/read-limited", "revoke_old", "true", "expires_in", "0"));
        endpoints.add(post("token (client_credentials)", "/oauth/token", Expect.OAUTH_JSON, List.of(), "client_id",
                member, "client_secret", secret, "grant_type", "client_credentials", "scope", "/no-such-scope"));
        endpoints.add(post("token (basic auth)", "/oauth/token", Expect.OAUTH_JSON,
                List.<String[]>of(new String[] { "Authorization", BadValues.basic(member + ":" + secret) }),
                "grant_type", "authorization_code", "code", "Ab12Cd").light());
        endpoints.add(post("token (password)", "/oauth/token", Expect.OAUTH_JSON, List.of(), "client_id", member,
                "client_secret", secret, "grant_type", "password", "username", "ada", "password", "x").light());
        endpoints.add(post("token (token-exchange)", "/oauth/token", Expect.OAUTH_JSON, List.of(), "client_id",
                member, "client_secret", secret, "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", UNKNOWN, "subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
            .light());
        endpoints.add(post("revoke", "/oauth/revoke", Expect.OAUTH_JSON, List.of(), "client_id", member,
                "client_secret", secret, "token", UNKNOWN, "token_type_hint", "access_token"));
        endpoints.add(post("introspect", "/oauth/introspect", Expect.OAUTH_JSON, List.of(), "client_id", member,
                "client_secret", secret, "token", UNKNOWN).light());
        endpoints.add(get("userinfo (GET)", "/oauth/userinfo", Expect.USERINFO_JSON,
                List.<String[]>of(new String[] { "Authorization", "Bearer " + UNKNOWN }), "access_token", UNKNOWN));
        endpoints.add(post("userinfo (POST)", "/oauth/userinfo", Expect.USERINFO_JSON, List.of(), "access_token",
                UNKNOWN).light());
        endpoints.add(get("jwks", "/oauth/jwks", Expect.JSON, List.of(), "kid", "x").light());
        endpoints.add(get("discovery", "/.well-known/openid-configuration", Expect.JSON, List.of(), "x", "1").light());
        // An iD no researcher holds: whatever else is changed, nothing is authorized, so nothing is stored. (The
        // reset is left out: it would empty the corpus's database.)
        endpoints.add(post("sandbox authorize", "/sandbox/oauth/authorize", Expect.SANDBOX_AUTHORIZE, List.of(),
                "client_id", member, "client_secret", secret, "orcid", "0000-0001-5109-3700", "response_type", "code",
                "scope", "/authenticate", "redirect_uri", redirect, "state", "s1", "nonce", "n1", "code_challenge",
                VERIFIER, "code_challenge_method", "S256"));
        endpoints.add(get("sandbox overview", "/sandbox", Expect.PAGE, List.of(), "x", "1").light());
        return endpoints;
    }

    /** Pages and forms that store nothing whatever they are sent. */
    static List<Endpoint> pages(Context c) {
        List<String[]> anonymous = session(c.anonymousCookie());
        List<String[]> researcher = session(c.researcherCookie());
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("sign-in page", "/signin", Expect.PAGE, anonymous, "oauth", "", "client_id",
                Dance.MEMBER, "orcid", Dance.ADA_ORCID, "email", "x%40example.org", "error", ""));
        endpoints.add(post("sign-in form", "/signin", Expect.PAGE, anonymous, "userId", "nobody%40example.org",
                "password", "not-a-password", "_csrf", c.anonymousCsrf()).light());
        endpoints.add(get("register page", "/register", Expect.PAGE, anonymous, "given_names", "Eve",
                "family_names", "Corpus", "email", "eve%40example.org"));
        endpoints.add(get("front page", "/", Expect.PAGE, anonymous, "x", "1").light());
        endpoints.add(get("error page", "/oauth/error", Expect.PAGE, anonymous, "client_id", Dance.MEMBER).light());
        endpoints.add(get("demo callback", "/demo/callback", Expect.PAGE, anonymous, "code", "Ab12Cd", "state",
                "s1", "error", "access_denied", "error_description", "User%20denied").light());
        endpoints.add(get("consent page", "/oauth/consent", Expect.PAGE, researcher, "client_id", Dance.MEMBER,
                "scope", "/authenticate", "state", UNKNOWN).light());
        endpoints.add(get("implicit consent page", "/oauth/consent/implicit", Expect.PAGE, researcher, "key",
                UNKNOWN).light());
        endpoints.add(post("implicit consent decision", "/oauth/consent/implicit", Expect.PAGE, researcher, "key",
                UNKNOWN, "decision", "authorize", "_csrf", c.researcherCsrf()).light());
        endpoints.add(get("developer tools page", "/developer-tools", Expect.PAGE, researcher, "x", "1").light());
        endpoints.add(post("developer tools secret reset", "/developer-tools/reset-secret", Expect.PAGE, researcher,
                "clientId", "APP-0000000000000000", "_csrf", c.researcherCsrf()).light());
        endpoints.add(post("developer tools client edit", "/developer-tools/edit", Expect.PAGE, researcher,
                "clientId", "APP-0000000000000000", "name", "Corpus App", "description", "An application.",
                "redirectUris", "https%3A%2F%2Fapp.example.org%2Fcallback", "_csrf", c.researcherCsrf()).light());
        endpoints.add(get("my record page", "/my-orcid", Expect.PAGE, researcher, "x", "1").light());
        endpoints.add(get("trusted organizations page", "/account/trusted-organizations", Expect.PAGE, researcher,
                "revoked", "").light());
        endpoints.add(post("trusted organization revoke", "/account/trusted-organizations/revoke", Expect.PAGE,
                researcher, "clientId", "APP-0000000000000000", "_csrf", c.researcherCsrf()).light());
        endpoints.add(get("trusted organizations JSON", "/account/get-trusted-orgs.json", Expect.JSON, researcher,
                "x", "1").light());
        endpoints.addAll(accountSecurity(c, anonymous, researcher));
        endpoints.add(get("unknown page", "/no/such/page", Expect.PAGE, anonymous, "x", "1").light());
        endpoints.addAll(lifecyclePages(c, anonymous, researcher));
        endpoints.addAll(accounts(c, anonymous, researcher));
        endpoints.addAll(search(anonymous));
        endpoints.addAll(inbox(c, researcher));
        return endpoints;
    }

    /** The inbox (org.orrery.notifications): notifications no researcher has, and a frequency no form offers. */
    private static List<Endpoint> inbox(Context c, List<String[]> researcher) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("inbox page", "/inbox", Expect.PAGE, researcher, "archived", "true", "shown", "20"));
        for (String action : List.of("read", "archive", "grant")) {
            endpoints.add(post("inbox " + action, "/inbox/999999999/" + action, Expect.PAGE, researcher, "_csrf",
                    c.researcherCsrf()).light());
        }
        endpoints.add(post("inbox archive selected", "/inbox/archive", Expect.PAGE, researcher, "selected",
                "999999999", "selected", "999999998", "_csrf", c.researcherCsrf()));
        endpoints.add(post("inbox digest frequency", "/inbox/frequency", Expect.PAGE, researcher, "frequency",
                "SOMETIMES", "_csrf", c.researcherCsrf()));
        return endpoints;
    }

    /** Accounts: password reset, e-mail verification, the e-mail page, sandbox mail and the operator's outbox. */
    private static List<Endpoint> accounts(Context c, List<String[]> anonymous, List<String[]> researcher) {
        String token = "A".repeat(43);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("reset-password page", "/reset-password", Expect.PAGE, anonymous, "x", "1").light());
        endpoints.add(post("reset-password request", "/reset-password", Expect.PAGE, anonymous, "email",
                "nobody%40example.org", "_csrf", c.anonymousCsrf()));
        endpoints.add(get("reset-password link", "/reset-password/" + token, Expect.PAGE, anonymous, "x", "1"));
        endpoints.add(post("reset-password form", "/reset-password/" + token, Expect.PAGE, anonymous, "password",
                "a-new-password", "retypedPassword", "a-new-password", "verificationCode", "123456", "_csrf",
                c.anonymousCsrf()));
        endpoints.add(get("verify-email link", "/verify-email/" + token, Expect.PAGE, anonymous, "x", "1"));
        endpoints.add(get("email addresses page", "/account/emails", Expect.PAGE, researcher, "x", "1").light());
        for (String action : List.of("resend", "remove", "primary")) {
            endpoints.add(post("email addresses " + action, "/account/emails/" + action, Expect.PAGE, researcher,
                    "address", "nobody%40example.org", "_csrf", c.researcherCsrf()).light());
        }
        endpoints.add(post("email addresses visibility", "/account/emails/visibility", Expect.PAGE, researcher,
                "address", "nobody%40example.org", "visibility", "public", "_csrf", c.researcherCsrf()));
        endpoints.add(get("sandbox mail", "/sandbox/mail", Expect.PAGE, anonymous, "x", "1").light());
        endpoints.add(get("sandbox mail message", "/sandbox/mail/1", Expect.PAGE, anonymous, "x", "1").light());
        endpoints.add(get("operator mail outbox", "/admin/mail-outbox", Expect.JSON, List.of(), "status", "FAILED",
                "limit", "10").light());
        return endpoints;
    }

    /** The registry search page and the search API (read-only: nothing can be stored through them). */
    static List<Endpoint> search(List<String[]> anonymous) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(get("search page (quick)", "/orcid-search/search", Expect.PAGE, anonymous, "searchQuery",
                "ada%20lovelace", "page", "2"));
        endpoints.add(get("search page (advanced)", "/orcid-search/search", Expect.PAGE, anonymous, "firstName", "Ada",
                "lastName", "Lovelace", "otherNames", "true", "keyword", "maths", "institution", "grid.1.2").light());
        List<String[]> json = List.<String[]>of(new String[] { "Accept", "application/vnd.orcid+json" });
        endpoints.add(get("search API", "/pub/v3.0/search", Expect.API, json, "q", "family-name%3ALovelace", "rows",
                "10", "start", "0", "defType", "edismax", "qf", "given-names%5E1.0%20family-name%5E2.0", "pf",
                "given-and-family-names", "bq", "keyword%3Amaths", "mm", "1", "q.op", "AND", "fq", "orcid%3A*",
                "sort", "score%20desc"));
        endpoints.add(get("expanded search API", "/pub/v3.0/expanded-search/", Expect.API, json, "q",
                "given-names%3AAda", "rows", "5").light());
        endpoints.add(get("CSV search API", "/pub/v3.0/csv-search", Expect.API,
                List.<String[]>of(new String[] { "Accept", "text/csv" }), "q", "email%3A*%40example.org", "fl",
                "orcid%2Cemail").light());
        return endpoints;
    }

    /**
     * Record lifecycle pages (deactivate, reactivate, merge, state explanations). Links are unknown values and the
     * address asked to reactivate belongs to an active record, so none of them stores anything. The request for a
     * deactivation link is left out: whatever else it is sent, a valid session and CSRF token mail a link.
     */
    private static List<Endpoint> lifecyclePages(Context c, List<String[]> anonymous, List<String[]> researcher) {
        return List.of(get("deactivate page", "/account/deactivate", Expect.PAGE, researcher, "sent", "").light(),
                get("deactivate link page", "/account/deactivate/confirm", Expect.PAGE, anonymous, "token",
                        UNKNOWN),
                post("deactivate link form", "/account/deactivate/confirm", Expect.PAGE, anonymous, "token",
                        UNKNOWN, "password", "not-a-password", "code", "123456", "_csrf", c.anonymousCsrf()),
                get("deactivated page", "/account/deactivate/done", Expect.PAGE, anonymous, "x", "1").light(),
                get("reactivate page", "/reactivate", Expect.PAGE, anonymous, "sent", "").light(),
                post("reactivate form", "/reactivate", Expect.PAGE, anonymous, "email", "ada%40example.org", "_csrf",
                        c.anonymousCsrf()),
                get("reactivate link page", "/reactivate/confirm", Expect.PAGE, anonymous, "token", UNKNOWN).light(),
                post("reactivate link form", "/reactivate/confirm", Expect.PAGE, anonymous, "token", UNKNOWN,
                        "givenNames", "Eve", "familyName", "Corpus", "password", "a-long-enough-password",
                        "passwordConfirm", "a-long-enough-password", "_csrf", c.anonymousCsrf()),
                get("reactivated page", "/reactivate/done", Expect.PAGE, anonymous, "x", "1").light(),
                get("merge page", "/account/merge", Expect.PAGE, researcher, "merged", Dance.ADA_ORCID).light(),
                post("merge form", "/account/merge", Expect.PAGE, researcher, "otherId", "nobody%40example.org",
                        "password", "not-a-password", "code", "123456", "_csrf", c.researcherCsrf()),
                post("merge confirmation", "/account/merge/confirm", Expect.PAGE, researcher, "_csrf",
                        c.researcherCsrf()).light(),
                get("record state after sign-in", "/signin/record-state", Expect.PAGE, anonymous, "x", "1").light(),
                get("cannot authorize page", "/account/cannot-authorize", Expect.PAGE, researcher, "x", "1")
                    .light());
    }

    /**
     * Account settings and two-factor sign-in: the forms are sent values they refuse (a wrong current password, a
     * code while no set-up waits, a code while no sign-in waits), so they store nothing. All light: the page test
     * must stay within its time limit on a busy machine, and the values reach the same parameter handling.
     */
    private static List<Endpoint> accountSecurity(Context c, List<String[]> anonymous, List<String[]> researcher) {
        return List.of(
                get("account settings page", "/account", Expect.PAGE, researcher, "passwordChanged", "",
                        "sessionsEnded", "2").light(),
                post("account password form", "/account/password", Expect.PAGE, researcher, "currentPassword",
                        "not-the-password", "newPassword", "a-new-password-1", "confirmPassword", "a-new-password-1",
                        "_csrf", c.researcherCsrf()).light(),
                post("account end other sessions", "/account/sessions/end-others", Expect.PAGE, researcher, "_csrf",
                        c.researcherCsrf()).light(),
                get("two-factor page", "/account/two-factor", Expect.PAGE, researcher, "disabled", "").light(),
                post("two-factor confirm form", "/account/two-factor/confirm", Expect.PAGE, researcher,
                        "verificationCode", "123456", "_csrf", c.researcherCsrf()).light(),
                post("two-factor disable form", "/account/two-factor/disable", Expect.PAGE, researcher, "password",
                        "not-the-password", "verificationCode", "123456", "_csrf", c.researcherCsrf()).light(),
                get("two-factor sign-in page", "/signin/two-factor", Expect.PAGE, anonymous, "error", "",
                        "throttled", "").light(),
                post("two-factor sign-in form", "/signin/two-factor", Expect.PAGE, anonymous, "verificationCode",
                        "123456", "_csrf", c.anonymousCsrf()).light());
    }

    /** Forms that store what they accept: sent the strict values only, each of which they must refuse. */
    static List<Endpoint> storingForms(Context c) {
        List<String[]> researcher = session(c.researcherCookie());
        String editor = "/my-orcid/record";
        return List.of(
                post("record name form", editor + "/name", Expect.PAGE, researcher, "givenNames", "Corpus",
                        "familyName", "Tester", "creditName", "C.%20Tester", "visibility", "public", "_csrf",
                        c.researcherCsrf()),
                post("record biography form", editor + "/biography", Expect.PAGE, researcher, "biography",
                        "A%20biography.", "visibility", "public", "_csrf", c.researcherCsrf()),
                post("record work form", editor + "/items/works", Expect.PAGE, researcher, "title", "A%20work",
                        "workType", "journal-article", "year", "2020", "doi", "10.1234%2Fcorpus", "url",
                        "https%3A%2F%2Fexample.org%2Fw", "_csrf", c.researcherCsrf()),
                post("record other-name form", editor + "/items/other-names", Expect.PAGE, researcher, "content",
                        "Another%20name", "_csrf", c.researcherCsrf()),
                post("register form", "/register", Expect.PAGE, session(c.anonymousCookie()), "givenNames", "Eve",
                        "familyName", "Corpus", "email", "eve.corpus%40example.org", "password",
                        "a-long-enough-password", "_csrf", c.anonymousCsrf()),
                post("developer tools form", "/developer-tools", Expect.PAGE, session(c.researcherCookie()), "name",
                        "Corpus App", "description", "An application.", "website", "https%3A%2F%2Fapp.example.org",
                        "redirectUris", "https%3A%2F%2Fapp.example.org%2Fcallback", "_csrf", c.researcherCsrf()));
    }

    /**
     * The same forms, spoilt by two fields no form accepts (so that changing one leaves the other), sent every
     * value: they may store nothing, and must show what they were sent escaped.
     */
    static List<Endpoint> spoiltStoringForms(Context c) {
        return List.of(
                post("register form (spoilt)", "/register", Expect.PAGE, session(c.anonymousCookie()),
                        "givenNames", "Eve", "familyName", "Corpus", "email", "not-an-email", "password", "short",
                        "_csrf", c.anonymousCsrf()),
                post("developer tools form (spoilt)", "/developer-tools", Expect.PAGE,
                        session(c.researcherCookie()), "name", "Corpus App", "description", "An application.",
                        "website", "ftp%3A%2F%2Fapp.example.org", "redirectUris",
                        "http%3A%2F%2Fapp.example.org%2Fcallback", "_csrf", c.researcherCsrf()));
    }

    static List<String[]> session(String cookie) {
        return List.<String[]>of(new String[] { "Cookie", cookie });
    }

    static Endpoint get(String name, String path, Expect expect, List<String[]> headers, String... params) {
        return new Endpoint(name, "GET", path, pairs(params), headers, null, expect, true);
    }

    static Endpoint post(String name, String path, Expect expect, List<String[]> headers, String... params) {
        return new Endpoint(name, "POST", path, pairs(params), headers, null, expect, true);
    }

    private static List<String[]> pairs(String... params) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            pairs.add(new String[] { params[i], params[i + 1] });
        }
        return pairs;
    }
}
