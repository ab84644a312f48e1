package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.Http;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;

/**
 * {@code /actuator/health} answers UP only once the seed file is applied: a sandbox that a CI job polls for health
 * knows its seeded clients at the first UP. (The node runs on its own in-memory H2: this is about start-up order.)
 */
class ReadinessTests extends OrreryIntegrationTest {

    private static final String CLIENT = "APP-READY00000000001";

    @Test
    void healthIsUpOnlyOnceTheSeedFileIsApplied(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yml");
        StringBuilder yaml = new StringBuilder("researchers:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  - given-names: \"Ready\"\n    email: \"ready-").append(i)
                .append("@example.org\"\n    password: \"ready-password\"\n");
        }
        yaml.append("clients:\n  - client-id: \"").append(CLIENT).append("\"\n    client-secret: \"ready-client-secret-01\"\n")
            .append("    name: \"Ready\"\n    description: \"Seeded last.\"\n    type: member\n")
            .append("    redirect-uris: [\"http://127.0.0.1/demo/callback\"]\n");
        Files.writeString(seed, yaml);
        int port = freePort();
        String url = "http://localhost:" + port;
        CompletableFuture<OrreryNode> node = CompletableFuture.supplyAsync(() -> OrreryNode.start(Map.of(
                "server.port", String.valueOf(port), "orrery.base-url", url, "orrery.seed-file", seed.toString(),
                "spring.datasource.url", "jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "")));
        try {
            awaitHealthUp(url, node);
            HttpResponse<String> authorize = Http.get(url + "/oauth/authorize?client_id=" + CLIENT
                    + "&response_type=code&scope=/authenticate&redirect_uri=http://127.0.0.1/demo/callback");
            assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
            assertThat(authorize.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).contains("/signin"));
        }
        finally {
            node.get().close();
        }
    }

    private static void awaitHealthUp(String url, CompletableFuture<OrreryNode> node) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get(url + "/actuator/health").statusCode() == 200) {
                    return;
                }
            }
            catch (IllegalStateException notListeningYet) {
                if (node.isCompletedExceptionally()) {
                    node.join();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("health never answered 200");
    }
}
