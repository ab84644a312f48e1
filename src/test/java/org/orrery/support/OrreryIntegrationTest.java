package org.orrery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts one real Orrery on a free port with a fresh embedded database, shared by every test class that
 * extends this one. Tests talk to it over HTTP only ({@link Http}, {@link Browser}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class OrreryIntegrationTest {

    /** The port the shared server listens on. */
    protected static final int PORT = freePort();

    /** The configured public base URL: the issuer and the root of every absolute URL. */
    protected static final String BASE = "http://localhost:" + PORT;

    /** Short, so that a test can step past it: a used refresh token is honoured again only within it. */
    protected static final java.time.Duration REFRESH_REUSE_GRACE = java.time.Duration.ofSeconds(2);

    /** The operator token of the shared server's audit endpoint ({@code orrery.audit.operator-token}). */
    protected static final String OPERATOR_TOKEN = "test-operator-token-0001";

    /** The database the shared server uses: PostgreSQL when {@code orrery.test.datasource.url} is set, else H2. */
    protected static final String DATASOURCE_URL = System.getProperty("orrery.test.datasource.url",
            "jdbc:h2:mem:orrery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    protected static final String DATASOURCE_USERNAME = System.getProperty("orrery.test.datasource.username", "sa");

    protected static final String DATASOURCE_PASSWORD = System.getProperty("orrery.test.datasource.password", "");

    /**
     * The password hash of test servers: Argon2id, as by default, but at 1 MiB and one pass (about 2 ms instead of
     * 64 ms of CPU a hash), since the suite registers and signs in researchers thousands of times. A stored hash
     * names these parameters; the defaults themselves are tested on a node started without them
     * ({@code PasswordRehashTests}).
     */
    public static final Map<String, String> TEST_PASSWORD_HASH = Map.of("orrery.password-hash.argon2.memory-kib",
            "1024", "orrery.password-hash.argon2.iterations", "1");

    /** Adds {@link #TEST_PASSWORD_HASH} to a node's settings unless they say something about password hashing. */
    public static void withTestPasswordHash(Map<String, String> settings) {
        if (settings.keySet().stream().noneMatch(name -> name.startsWith("orrery.password-hash."))) {
            settings.putAll(TEST_PASSWORD_HASH);
        }
    }

    @DynamicPropertySource
    static void orreryProperties(DynamicPropertyRegistry registry) {
        TEST_PASSWORD_HASH.forEach((name, value) -> registry.add(name, () -> value));
        registry.add("server.port", () -> PORT);
        registry.add("orrery.base-url", () -> BASE);
        registry.add("spring.datasource.url", () -> DATASOURCE_URL);
        registry.add("orrery.seed-file", OrreryIntegrationTest::testSeedFile);
        registry.add("orrery.refresh-reuse-grace", () -> REFRESH_REUSE_GRACE.toMillis() + "ms");
        // The shared server serves hundreds of requests a second from a handful of test clients; rate limits would
        // make its answers depend on timing. The limits are tested on nodes of their own (RateLimitTests).
        registry.add("orrery.rate-limit.enabled", () -> "false");
        registry.add("orrery.audit.operator-token", () -> OPERATOR_TOKEN);
        // Notification digests are due by the researcher's frequency; the sender looks often so tests need not wait.
        registry.add("orrery.notifications.digest-interval", () -> "PT2S");
        // Operators' pages ask for two-factor sign-in; that is tested on a node of its own (AdminConsoleTests).
        registry.add("orrery.admin.require-two-factor", () -> "false");
        registry.add("spring.datasource.username", () -> DATASOURCE_USERNAME);
        registry.add("spring.datasource.password", () -> DATASOURCE_PASSWORD);
        // Off the embedded H2 the registry is no sandbox: two-factor needs a configured key (on H2 it keeps its own).
        if (!DATASOURCE_URL.startsWith("jdbc:h2:")) {
            registry.add("orrery.two-factor.encryption-key", () -> "dGVzdC1vbmx5LXR3by1mYWN0b3Ita2V5LTMyYnl0ZXM=");
        }
    }

    /** The seed file the shared server applies (src/test/resources/test-seed.yml). */
    protected static String testSeedFile() {
        try {
            return java.nio.file.Path.of(OrreryIntegrationTest.class.getResource("/test-seed.yml").toURI()).toString();
        }
        catch (java.net.URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Starts the shared Orrery, or finds it already running, for a test engine that Spring's JUnit Jupiter
     * extension does not reach (jqwik properties); returns its application context.
     */
    protected static ApplicationContext sharedOrrery(Class<? extends OrreryIntegrationTest> testClass) {
        return new TestContextManager(testClass).getTestContext().getApplicationContext();
    }

    /** A free TCP port on this machine. */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
