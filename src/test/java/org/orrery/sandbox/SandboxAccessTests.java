package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orrery.support.Http;

/**
 * Who may use the sandbox's endpoints: none exist without sandbox mode, and with {@code orrery.sandbox.token}
 * set, reset needs it as a bearer token (compared in full; a wrong one changes nothing).
 */
class SandboxAccessTests {

    @Test
    void withoutSandboxModeEverySandboxEndpointIsNotFound() {
        try (SandboxServer off = SandboxServer.start("off", Map.of("orrery.sandbox.enabled", "false"))) {
            SandboxClient client = new SandboxClient(off.base);
            long researchers = off.jdbc().queryForObject("SELECT COUNT(*) FROM researcher", Long.class);
            assertThat(client.reset().statusCode()).isEqualTo(404);
            assertThat(Http.get(off.base + "/sandbox").statusCode()).isEqualTo(404);
            assertThat(Http.get(off.base + "/sandbox", "Accept", "application/json").statusCode()).isEqualTo(404);
            HttpResponse<String> authorize = Http.postForm(off.base + "/sandbox/oauth/authorize",
                    Map.of("orcid", SandboxServer.ADA, "response_type", "code", "scope", "/authenticate",
                            "redirect_uri", SandboxServer.MEMBER_REDIRECT),
                    "Authorization", Http.basic(SandboxServer.MEMBER, SandboxServer.MEMBER_SECRET));
            assertThat(authorize.statusCode()).isEqualTo(404);
            assertThat(authorize.headers().firstValue("Location")).isEmpty();
            assertThat(off.jdbc().queryForObject("SELECT COUNT(*) FROM researcher", Long.class)).isEqualTo(researchers);
            assertThat(off.jdbc().queryForObject("SELECT COUNT(*) FROM oauth_authorization", Long.class)).isZero();
        }
    }

    @Test
    void withASandboxTokenResetNeedsIt() {
        String token = "sandbox-reset-token-0123456789";
        try (SandboxServer guarded = SandboxServer.start("token", Map.of("orrery.sandbox.token", token))) {
            SandboxClient client = new SandboxClient(guarded.base);
            client.token("/authenticate");
            HttpResponse<String> none = client.reset();
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(none.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"Reset needs the"
                    + " sandbox token (orrery.sandbox.token) as a bearer token\"}");
            HttpResponse<String> wrong = client.reset("Authorization", "Bearer " + token + "x");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(guarded.jdbc().queryForObject("SELECT COUNT(*) FROM oauth_token", Long.class)).isPositive();

            HttpResponse<String> right = client.reset("Authorization", "Bearer " + token);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(guarded.jdbc().queryForObject("SELECT COUNT(*) FROM oauth_token", Long.class)).isZero();
        }
    }
}
