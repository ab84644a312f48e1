package org.orrery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's curl example (docs/examples/sandbox-dance.sh) run as it is against a sandbox started with the
 * README's seed file (docs/examples/integration-seed.yml). Its Java twin is
 * {@code com.example.integration.OrcidSandboxTests}.
 */
class CurlExampleTests {

    @Test
    void theCurlExampleRunsFromStartToEnd() throws Exception {
        Assumptions.assumeTrue(onPath("curl") && onPath("sh"), "curl and sh are needed for the curl example");
        Path seed = Path.of("docs", "examples", "integration-seed.yml").toAbsolutePath();
        try (SandboxServer server = SandboxServer.start("example",
                Map.of("orrery.seed-file", seed.toString(), "orrery.demo.enabled", "false"))) {
            for (int run = 0; run < 2; run++) {
                ProcessBuilder script = new ProcessBuilder("sh", Path.of("docs", "examples", "sandbox-dance.sh")
                    .toString()).redirectErrorStream(true);
                script.environment().put("ORRERY", server.base);
                Process process = script.start();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.exitValue()).as(output).isZero();
                assertThat(output.trim()).isEqualTo("ok");
            }
        }
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
