package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.RawHttp;

/**
 * The defect found from outside: {@code PUT}, {@code PATCH} and {@code DELETE} requests with a form body that
 * cannot be decoded ({@code x=%ZZ}) answered 500 on pages and OAuth endpoints, because a filter decoded such bodies
 * for every path before anything else. Each now gets a refusal in its face's format.
 */
class UndecodableFormBodyTests extends OrreryIntegrationTest {

    private static final List<String> PAGES = List.of("/signin", "/register", "/account/trusted-organizations",
            "/developer-tools", "/" + Dance.ADA_ORCID, "/oauth/authorize");

    private static final List<String> OAUTH_JSON = List.of("/oauth/userinfo", "/oauth/revoke", "/oauth/jwks",
            "/.well-known/openid-configuration", "/oauth/token");

    @Test
    void undecodableFormBodiesOnPutPatchAndDeleteAreRefusedWithoutAServerError() {
        List<String> failures = new ArrayList<>();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : PAGES) {
                RawHttp.Response answer = send(method, path);
                if (answer.status() >= 500 || !answer.header("Content-Type").orElse("").startsWith("text/html")) {
                    failures.add(method + " " + path + " -> " + answer.status() + " "
                            + answer.header("Content-Type").orElse(""));
                }
            }
            for (String path : OAUTH_JSON) {
                RawHttp.Response answer = send(method, path);
                if (answer.status() >= 500 || !answer.text().contains("\"error\"")) {
                    failures.add(method + " " + path + " -> " + answer.status() + " " + answer.text());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static RawHttp.Response send(String method, String path) {
        byte[] body = "x=%ZZ".getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send(PORT, RawHttp.request(method, path.getBytes(StandardCharsets.ISO_8859_1),
                List.<String[]>of(new String[] { "Content-Type", "application/x-www-form-urlencoded" }), body, PORT));
    }
}
