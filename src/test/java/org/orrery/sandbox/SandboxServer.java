package org.orrery.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.orrery.OrreryApplication;
import org.orrery.support.FreshDatabase;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sandbox Orreries of the sandbox tests, apart from the suite's shared server, since a reset empties the database:
 * each on its own port and its own database (a fresh H2, or a schema of its own in the suite's PostgreSQL
 * database when {@code orrery.test.datasource.url} is set), with sandbox mode on and a seed file.
 */
final class SandboxServer implements AutoCloseable {

    /** The seeded researchers and clients of src/test/resources/sandbox-seed.yml. */
    static final String ADA = "0000-0002-1694-233X";
    static final String ADA_EMAIL = "ada@sandbox.example.org";
    static final String ADA_PASSWORD = "ada-sandbox-password";
    static final String BOB_EMAIL = "bob@sandbox.example.org";
    static final String MEMBER = "APP-SANDBOX000000001";
    static final String MEMBER_SECRET = "sandbox-member-secret-1";
    static final String MEMBER_REDIRECT = "https://integration.example.org/orcid/callback";
    static final String PUBLIC = "APP-SANDBOX00000PUBL";
    static final String PUBLIC_SECRET = "sandbox-public-secret-2";

    static final String OPERATOR_TOKEN = "sandbox-operator-token-01";

    private static SandboxServer shared;

    final ConfigurableApplicationContext context;

    final String base;

    private SandboxServer(ConfigurableApplicationContext context, String base) {
        this.context = context;
        this.base = base;
    }

    /** The sandbox the sandbox test classes share (started once per test JVM). */
    static synchronized SandboxServer shared() {
        if (shared == null) {
            shared = start("shared", Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A sandbox of its own; {@code name} names its PostgreSQL schema, {@code extra} adds or overrides settings. */
    static SandboxServer start(String name, Map<String, String> extra) {
        int port = freePort();
        String base = "http://localhost:" + port;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", base);
        settings.put("orrery.sandbox.enabled", "true");
        settings.put("orrery.seed-file", resource("/sandbox-seed.yml"));
        settings.put("orrery.rate-limit.enabled", "false");
        settings.put("spring.main.banner-mode", "off");
        settings.put("orrery.audit.operator-token", OPERATOR_TOKEN);
        if (!extra.containsKey("spring.datasource.url")) {
            settings.putAll(database(name));
        }
        settings.putAll(extra);
        OrreryIntegrationTest.withTestPasswordHash(settings);
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SandboxServer(new SpringApplicationBuilder(OrreryApplication.class).run(args), base);
    }

    /** A fresh H2 database, or a fresh schema of the suite's PostgreSQL database. */
    static Map<String, String> database(String name) {
        return FreshDatabase.settings("sandbox_" + name);
    }

    JdbcTemplate jdbc() {
        return this.context.getBean(JdbcTemplate.class);
    }

    static String resource(String name) {
        try {
            return Path.of(SandboxServer.class.getResource(name).toURI()).toString();
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        this.context.close();
    }
}
