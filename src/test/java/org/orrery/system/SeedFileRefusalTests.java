package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.orrery.system.SeedFileTests.GOOD_RESEARCHER;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.OwnEmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every kind of bad seed-file entry is refused by the seeding that start-up and the command line's
 * {@code seed apply} run, with the file, entry and field named. One Orrery serves every case: a refused file
 * stores nothing ({@link SeedFileTests} shows it), and that the refusal stops start-up is shown there too.
 */
@OwnEmbeddedDatabase
class SeedFileRefusalTests {

    private static ConfigurableApplicationContext orrery;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        orrery = InProcessOrrery.start(InProcessOrrery.freshSettings());
    }

    @AfterAll
    static void stop() {
        if (orrery != null) {
            orrery.close();
        }
    }

    @Test
    void malformedOrcidIsRefused() {
        Path file = write("researchers:\n" + GOOD_RESEARCHER + """
                  - orcid: "0000000218250097"
                    given-names: "No"
                    email: "no.hyphens@example.org"
                    password: "long-enough"
                """);
        assertRefused(file, "Seed file " + file
                + ", entry researchers[1], field 'orcid': '0000000218250097' is not a valid ORCID iD (format or check digit)");
    }

    @Test
    void malformedClientIdIsRefused() {
        Path file = write(client("client-id: \"APP-abc\""));
        assertRefused(file,
                "Seed file " + file + ", entry clients[0], field 'client-id': 'APP-abc' must match APP-[0-9A-Z]{16}");
    }

    @Test
    void clientIdThatLooksLikeAnOrcidIsRefused() {
        Path file = write(client("client-id: \"0000-0002-1825-0097\""));
        assertRefused(file, "Seed file " + file
                + ", entry clients[0], field 'client-id': '0000-0002-1825-0097' must match APP-[0-9A-Z]{16}");
    }

    @Test
    void unknownClientTypeIsRefused() {
        Path file = write(client("type: platinum"));
        assertRefused(file, "Seed file " + file
                + ", entry clients[0], field 'type': unknown client type 'platinum' (public, member or premium-member)");
    }

    @Test
    void aScopeThatCannotBeGrantedPerClientIsRefused() {
        Path file = write(client("scopes: [\"/premium-notification\", \"/orcid-internal\"]"));
        assertRefused(file, "Seed file " + file + ", entry clients[0], field 'scopes': '/orcid-internal' cannot be"
                + " granted to a client; grantable: /premium-notification, /webhook, /email/read-private");
    }

    @Test
    void missingRequiredResearcherFieldIsRefused() {
        Path file = write("""
                researchers:
                  - given-names: "Nameless"
                    password: "long-enough"
                """);
        assertRefused(file, "Seed file " + file + ", entry researchers[0], field 'email': is required");
    }

    @Test
    void missingRequiredClientFieldIsRefused() {
        Path file = write("""
                clients:
                  - client-id: "APP-SEEDB00000000009"
                    description: "No name."
                    type: member
                    redirect-uris: ["https://noname.example.org/cb"]
                """);
        assertRefused(file, "Seed file " + file + ", entry clients[0], field 'name': is required");
    }

    @Test
    void clientWithoutRedirectUrisIsRefused() {
        Path file = write("""
                clients:
                  - name: "Nowhere"
                    description: "No redirect URIs."
                    type: member
                """);
        assertRefused(file,
                "Seed file " + file + ", entry clients[0], field 'redirect-uris': at least one redirect URI is required");
    }

    @Test
    void duplicateEmailInTheFileIsRefusedWhateverItsCase() {
        Path file = write("researchers:\n" + GOOD_RESEARCHER + """
                  - given-names: "Carl"
                    email: "Carl.Sagan@Example.org"
                    password: "long-enough"
                """);
        assertRefused(file,
                "Seed file " + file + ", entry researchers[1], field 'email': duplicate email Carl.Sagan@Example.org");
    }

    @Test
    void emailOfAnotherStoredResearcherIsRefused() {
        Path file = write("""
                researchers:
                  - orcid: "0009-0003-7578-3214"
                    given-names: "Impostor"
                    email: "JOSIAH.CARBERRY@example.org"
                    password: "long-enough"
                """);
        assertRefused(file, "Seed file " + file
                + ", entry researchers[0], field 'email': JOSIAH.CARBERRY@example.org already belongs to 0000-0002-1825-0097");
    }

    @Test
    void unknownFieldIsRefused() {
        Path file = write("researchers:\n" + GOOD_RESEARCHER + "    nickname: \"Carl\"\n");
        assertRefused(file, "Seed file " + file + ", entry researchers[0], field 'nickname': unknown field");
    }

    @Test
    void unknownSectionIsRefused() {
        Path file = write("users:\n" + GOOD_RESEARCHER);
        assertRefused(file,
                "Seed file " + file + ": unknown section 'users' (expected researchers, clients, operators)");
    }

    @Test
    void redirectUriThatMayNotBeRegisteredIsRefused() {
        Path file = write(client("redirect-uris: [\"http://member.example.org/callback\"]").replace(
                "    redirect-uris: [\"https://member.example.org/callback\"]\n", ""));
        assertRefused(file, "Seed file " + file + ", entry clients[0], field 'redirect-uris': The redirect URI"
                + " http://member.example.org/callback must use https (http is allowed only for http://127.0.0.1 and"
                + " http://[::1]).");
    }

    @Test
    void textThatIsNotYamlIsRefused() {
        Path file = write("researchers: [\n  { given-names: \"Unclosed\"\n");
        String message = refusal(file);
        assertThat(message).startsWith("Seed file " + file + " is not valid YAML: ").contains("line 3");
    }

    @Test
    void yamlOfTheWrongShapeIsRefused() {
        Path file = write("- just\n- a list\n");
        assertRefused(file,
                "Seed file " + file + ": the top level must hold 'researchers' and 'clients'");
    }

    private static void assertRefused(Path file, String message) {
        assertThat(refusal(file)).isEqualTo(message);
    }

    /** The seeding's refusal of the file, as the command line's {@code seed apply} meets it. */
    private static String refusal(Path file) {
        SandboxSeeder seeder = orrery.getBean(SandboxSeeder.class);
        Throwable refused = catchThrowable(() -> seeder.applyFile(file));
        assertThat(refused).as("the seeding's refusal of " + file).isInstanceOf(SeedFile.InvalidSeedFileException.class);
        return refused.getMessage();
    }

    /** A seed file of one member client, the given field replacing the default one. */
    private static String client(String override) {
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder entry = new StringBuilder("clients:\n  - ").append(override).append('\n');
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("client-id", "\"APP-SEEDB00000000001\"");
        defaults.put("name", "\"Seeded Member\"");
        defaults.put("description", "\"A member client.\"");
        defaults.put("type", "member");
        defaults.put("redirect-uris", "[\"https://member.example.org/callback\"]");
        defaults.forEach((name, value) -> {
            if (!name.equals(key)) {
                entry.append("    ").append(name).append(": ").append(value).append('\n');
            }
        });
        return entry.toString();
    }

    private Path write(String yaml) {
        return SeedFileTests.write(this.dir, yaml);
    }
}
