package org.orrery.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cold authorization-code dance against another OpenID provider, as a browser without JavaScript takes it:
 * a new cookie jar, the authorization request, then every page's first form submitted (the peer's user name and
 * password where the form has a password field, its hidden fields otherwise: sign-in, then consent), redirects
 * followed, until the peer redirects to the client with a code; then the client's exchange.
 */
final class PeerDance {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Peer peer;

    private final TokenClient tokens;

    PeerDance(Peer peer) {
        this.peer = peer;
        this.tokens = peer.client();
    }

    /** One whole dance for these scopes; returns the token endpoint's answer (checked to be 200). */
    String tokens(String scope) throws IOException {
        CookieJar jar = new CookieJar();
        String url = this.peer.authorizeEndpoint() + "?response_type=code&client_id=" + form(this.peer.clientId())
                + "&redirect_uri=" + form(this.peer.redirectUri()) + "&scope=" + form(scope) + "&state=bench";
        HttpResponse<String> answer = Web.get(url, jar);
        for (int step = 0; step < 12; step++) {
            if (answer.statusCode() / 100 == 3) {
                String next = Web.redirect(answer, answer.statusCode(), "peer redirect");
                if (next.startsWith(this.peer.redirectUri())) {
                    return exchange(next);
                }
                answer = Web.get(next, jar);
            }
            else {
                Web.expect(answer, 200, "peer page");
                answer = submitFirstForm(answer, jar);
            }
        }
        throw new IllegalStateException("the peer's dance did not reach the redirect URI in 12 steps");
    }

    private String exchange(String callback) throws IOException {
        String code = Web.query(callback).get("code");
        if (code == null) {
            throw new IllegalStateException("peer redirected without a code: " + callback);
        }
        HttpResponse<String> answer = this.tokens.grant("authorization_code", "code", code, "redirect_uri",
                this.peer.redirectUri());
        Web.expect(answer, 200, "peer code exchange");
        return answer.body();
    }

    private HttpResponse<String> submitFirstForm(HttpResponse<String> page, CookieJar jar) throws IOException {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("peer page without a form: " + page.request().uri());
        }
        String action = page.request().uri().resolve(form.group(1).replace("&amp;", "&")).toString();
        List<String[]> fields = new ArrayList<>();
        boolean password = false;
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), attribute.group(2));
            }
            String name = attributes.get("name");
            String type = attributes.getOrDefault("type", "text").toLowerCase();
            if (name == null) {
                continue;
            }
            switch (type) {
                case "password" -> {
                    fields.add(new String[] { name, this.peer.password() });
                    password = true;
                }
                case "text", "email" -> fields.add(new String[] { name, this.peer.username() });
                case "hidden" -> fields.add(new String[] { name, attributes.getOrDefault("value", "") });
                default -> {
                }
            }
        }
        HttpResponse<String> answer = Web.post(action, jar, fields);
        if (password && answer.statusCode() == 200) {
            throw new IllegalStateException("the peer did not accept --peer-username and --peer-password");
        }
        return answer;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
