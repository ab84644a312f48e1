package org.orrery.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the bad-input corpus, written byte for byte, and the answer format its endpoint owes whatever
 * the input: {@code target} and header values are ISO-8859-1 strings, so any byte can be sent.
 */
record BadInput(String label, String method, String target, List<String[]> headers, byte[] body, Expect expect) {

    /** The format an endpoint answers errors in. */
    enum Expect {
        /** {@code /oauth/token}, {@code /oauth/revoke}, introspection: {@code {"error":...}} JSON. */
        OAUTH_JSON,
        /** {@code /oauth/userinfo}: JSON with {@code error}. */
        USERINFO_JSON,
        /** Discovery, JWKS, the trusted-organizations listing: JSON (or a 406 to a caller who refuses it). */
        JSON,
        /** {@code /api} and {@code /pub}: ORCID's error body, or the OAuth-style body of a bearer-token failure. */
        API,
        /** Pages: HTML, or a same-origin redirect. */
        PAGE,
        /** {@code /oauth/authorize}: the HTML error page, sign-in, or a redirect to a registered redirect URI. */
        AUTHORIZE,
        /**
         * {@code POST /sandbox/oauth/authorize}: OAuth JSON for refusals before the authorization request runs
         * (client credentials, researcher), else what {@code /oauth/authorize} answers.
         */
        SANDBOX_AUTHORIZE,
        /** Refused by the HTTP layer before any endpoint is chosen: any 4xx without a trace. */
        CONNECTOR
    }

    /** A request to the endpoint with these percent-encoded parameters: in the query, or as a form body. */
    static BadInput of(String label, Endpoint endpoint, List<String[]> params, List<String[]> headers) {
        String encoded = join(params);
        boolean form = endpoint.method().equals("POST") && endpoint.body() == null;
        String target = endpoint.path() + (form || encoded.isEmpty() ? "" : "?" + encoded);
        List<String[]> all = new ArrayList<>(headers);
        byte[] body = endpoint.body();
        if (form) {
            body = encoded.getBytes(StandardCharsets.ISO_8859_1);
            if (all.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
                all.add(new String[] { "Content-Type", "application/x-www-form-urlencoded" });
            }
        }
        return new BadInput(endpoint.name() + " " + label, endpoint.method(), target, all, body, endpoint.expect());
    }

    static String join(List<String[]> params) {
        List<String> pairs = new ArrayList<>();
        for (String[] param : params) {
            pairs.add(param[1] == null ? param[0] : param[0] + "=" + param[1]);
        }
        return String.join("&", pairs);
    }

    /**
     * An endpoint's well-formed request: parameters percent-encoded, and a fixed body for API writes. A thorough
     * one is sent every value and header variant; the others, whose code paths a thorough one already walks (or
     * which hash a password per request), a sample.
     */
    record Endpoint(String name, String method, String path, List<String[]> params, List<String[]> headers,
            byte[] body, Expect expect, boolean thorough) {

        Endpoint light() {
            return new Endpoint(this.name, this.method, this.path, this.params, this.headers, this.body, this.expect,
                    false);
        }
    }
}
