package org.orrery.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.orrery.support.BrowserTest;

/**
 * A real OpenID Connect client library (the npm package {@code openid-client} v6), configured only with Orrery's
 * issuer URL, signs a researcher in through headless Chromium and reads userinfo. Needs Node.js, the packages
 * of {@code interop/} ({@code npm ci --prefix interop}) and Chromium; {@code .ci/run} installs all three.
 */
@BrowserTest
class OpenIdClientInteropTests extends OrreryIntegrationTest {

    private static final Path SCRIPT = Path.of("interop", "oidc-sign-in.mjs");

    @Test
    void openidClientSignsInValidatesTheIdTokenAndReadsUserInfo() throws Exception {
        Path chromium = Path.of(System.getProperty("orrery.test.chromium", "/usr/bin/chromium"));
        boolean required = System.getenv("CI") != null;
        boolean ready = Files.isExecutable(chromium) && Files.isDirectory(Path.of("interop", "node_modules"));
        if (required) {
            assertThat(ready).as("CI must provide Chromium and interop/node_modules").isTrue();
        }
        assumeTrue(ready, "Chromium or interop/node_modules missing: run npm ci --prefix interop and install chromium");

        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString());
        node.environment().put("ISSUER", BASE);
        node.environment().put("CLIENT_ID", Dance.MEMBER);
        node.environment().put("CLIENT_SECRET", Dance.MEMBER_SECRET);
        node.environment().put("REDIRECT_URI", Dance.redirectUri(PORT));
        node.environment().put("USER_ID", Dance.ADA_EMAIL);
        node.environment().put("PASSWORD", Dance.ADA_PASSWORD);
        node.environment().put("CHROMIUM", chromium.toString());
        node.redirectErrorStream(true);
        Process process = node.start();
        String output;
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        }
        finally {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(lastLine(output));
        assertThat(result.get("issuer").asString()).isEqualTo(BASE);
        assertThat(result.at("/claims/sub").asString()).isEqualTo(Dance.ADA_ORCID);
        assertThat(result.at("/claims/iss").asString()).isEqualTo(BASE);
        assertThat(result.at("/claims/aud").asString()).isEqualTo(Dance.MEMBER);
        assertThat(result.at("/userInfo/sub").asString()).isEqualTo(Dance.ADA_ORCID);
        assertThat(result.at("/userInfo/given_name").asString()).isEqualTo("Ada");
    }

    private static String lastLine(String output) throws IOException {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
