package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.OrreryApplication;
import org.orrery.support.Browser;
import org.orrery.support.PostgresqlPreferred;
import org.orrery.support.Http;
import org.orrery.support.NewResearcher;
import org.orrery.support.OrreryIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line as a script runs it: {@code java -cp <the compiled jar's classes> org.orrery.OrreryApplication
 * <command>} in a child JVM, against the shared server's database (through an H2 TCP server for the in-memory H2
 * database, or PostgreSQL directly), without starting a web server; what it changes holds on the running server at
 * once. Exit codes: 0 done, 1 refused, 2 bad usage. Operators run it against PostgreSQL: when the build has a
 * PostgreSQL pass, it runs there only.
 */
@PostgresqlPreferred
class CommandLineTests extends OrreryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Server h2;

    private static String databaseUrl;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(this.out);
        }
    }

    @BeforeAll
    static void shareTheDatabase() throws Exception {
        if (DATASOURCE_URL.startsWith("jdbc:h2:mem:")) {
            int port = freePort();
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
            databaseUrl = "jdbc:h2:tcp://localhost:" + port + "/" + DATASOURCE_URL.substring("jdbc:h2:".length());
        }
        else {
            databaseUrl = DATASOURCE_URL;
        }
    }

    @AfterAll
    static void stopSharing() {
        if (h2 != null) {
            h2.stop();
        }
    }

    private Run orrery(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                OrreryApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=" + databaseUrl);
        command.add("--spring.datasource.username=" + DATASOURCE_USERNAME);
        command.add("--spring.datasource.password=" + DATASOURCE_PASSWORD);
        Path out = Files.createTempFile(this.dir, "out", ".txt");
        Path err = Files.createTempFile(this.dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .directory(new File(".").getAbsoluteFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndBadUsageAnswerAtOnceWithUsageAndExitCodes() throws Exception {
        Run help = orrery("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: orrery").contains("client").contains("researcher").contains("operator")
            .contains("seed");
        Run missing = orrery("client", "create", "--name", "X");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--redirect-uri").contains("Usage: orrery client create");
        assertThat(missing.out()).isEmpty();
        Run noSubcommand = orrery("researcher");
        assertThat(noSubcommand.exit()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("Missing subcommand").contains("Usage: orrery researcher");
        Run badType = orrery("client", "create", "--name", "X", "--redirect-uri", "https://x.org/cb", "--type", "gold");
        assertThat(badType.exit()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown client type 'gold'");
    }

    @Test
    void aClientCreatedAndLockedFromTheCommandLineIsServedAndRefusedByTheRunningServerAtOnce() throws Exception {
        Run created = orrery("client", "create", "--name", "Scripted Member", "--type", "member", "--redirect-uri",
                "https://scripted.example.org/cb");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode client = created.json();
        String clientId = client.get("client_id").asString();
        String secret = client.get("client_secret").asString();
        assertThat(clientId).matches("APP-[0-9A-Z]{16}");
        assertThat(client.get("type").asString()).isEqualTo("member");
        assertThat(client.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

        Run locked = orrery("client", "lock", clientId);
        assertThat(locked.exit()).as(locked.err()).isZero();
        assertThat(locked.json().get("state").asString()).isEqualTo("LOCKED");
        HttpResponse<String> refused = clientCredentials(clientId, secret);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).get("error_description").asString()).isEqualTo("The client is locked");

        // named the running server's port, as a host's configuration would: a command opens no port
        Run unknown = orrery("client", "deactivate", "APP-NOSUCHCLIENT0000", "--server.port=" + PORT);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("error: There is no client APP-NOSUCHCLIENT0000");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void researcherAndOperatorCommandsActOnTheRunningRegistryAndRefuseUnknownIds() throws Exception {
        NewResearcher researcher;
        try (Browser browser = new Browser()) {
            researcher = NewResearcher.register(browser, BASE, "Sam", "Scripted");
        }
        Run locked = orrery("researcher", "lock", researcher.orcid(), "--reason", "Reported as spam");
        assertThat(locked.exit()).as(locked.err()).isZero();
        assertThat(locked.json().get("state").asString()).isEqualTo("LOCKED");
        assertThat(locked.json().get("reason").asString()).isEqualTo("Reported as spam");

        Run unknown = orrery("researcher", "unlock", "0000-0002-9999-999X");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("UNKNOWN_RECORD");

        Run granted = orrery("operator", "grant", researcher.orcid());
        assertThat(granted.exit()).as(granted.err()).isZero();
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), researcher.email(), researcher.password());
            assertThat(browser.open(BASE + "/admin").getWebResponse().getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void seedApplyCreatesTheFilesResearchersClientsAndOperatorsIdempotently() throws Exception {
        Path seed = this.dir.resolve("seed.yml");
        Files.writeString(seed, """
                researchers:
                  - orcid: "0000-0003-0000-002X"
                    given-names: "Seeded"
                    family-name: "Operator"
                    email: "seeded.operator@example.org"
                    password: "seeded-operator-password"
                clients:
                  - client-id: "APP-SEEDEDBYTHECLI00"
                    client-secret: "seeded-by-the-command-line"
                    name: "Seeded From The Command Line"
                    description: "Applied with seed apply"
                    type: member
                    redirect-uris: ["https://seeded.example.org/cb"]
                operators: ["0000-0003-0000-002X"]
                """);
        Run applied = orrery("seed", "apply", seed.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.json().get("researchers").asInt()).isEqualTo(1);
        assertThat(applied.json().get("operators").asInt()).isEqualTo(1);
        assertThat(clientCredentials("APP-SEEDEDBYTHECLI00", "seeded-by-the-command-line").statusCode()).isEqualTo(200);
        try (Browser browser = new Browser()) {
            Browser.signIn(browser.openHtml(BASE + "/signin"), "seeded.operator@example.org", "seeded-operator-password");
            assertThat(browser.open(BASE + "/admin").getWebResponse().getStatusCode()).isEqualTo(200);
        }
        Run missingFile = orrery("seed", "apply", this.dir.resolve("absent.yml").toString());
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.err()).contains("does not exist");
    }

    private static HttpResponse<String> clientCredentials(String clientId, String secret) {
        return Http.postForm(BASE + "/oauth/token", Map.of("client_id", clientId, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "/read-public"), "Accept", "application/json");
    }
}
