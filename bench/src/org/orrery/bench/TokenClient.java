package org.orrery.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A confidential client of one token endpoint (RFC 6749 §3.2), authenticating with HTTP Basic
 * ({@code client_secret_basic}) or with its credentials in the form ({@code client_secret_post}).
 */
final class TokenClient {

    /** How the client authenticates at the token endpoint. */
    enum Authentication {
        BASIC, POST
    }

    private final String endpoint;

    private final String clientId;

    private final String clientSecret;

    private final Authentication authentication;

    private final String basicHeader;

    TokenClient(String endpoint, String clientId, String clientSecret, Authentication authentication) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.authentication = authentication;
        // RFC 6749 §2.3.1: each part form-encoded before they are joined and Base64-encoded.
        this.basicHeader = "Basic " + Base64.getEncoder().encodeToString((form(clientId) + ":" + form(clientSecret))
            .getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint's answer to a grant, unchecked; parameters are pairs of name and value. */
    HttpResponse<String> grant(String grantType, String... parameters) throws IOException {
        List<String[]> body = new ArrayList<>();
        body.add(new String[] { "grant_type", grantType });
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            body.add(new String[] { parameters[i], parameters[i + 1] });
        }
        if (this.authentication == Authentication.POST) {
            body.add(new String[] { "client_id", this.clientId });
            body.add(new String[] { "client_secret", this.clientSecret });
            return Web.post(this.endpoint, null, body, "Accept", "application/json");
        }
        return Web.post(this.endpoint, null, body, "Accept", "application/json", "Authorization", this.basicHeader);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
