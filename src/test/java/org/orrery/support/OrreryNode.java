package org.orrery.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.orrery.OrreryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more Orrery, started in this JVM as its own application (own web server, beans and session store) on
 * its own port, sharing only a database with other nodes: a second node behind a load balancer.
 */
public final class OrreryNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final int port;

    private OrreryNode(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts a node with these settings ({@code server.port} among them) and waits until it serves. */
    public static OrreryNode start(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        OrreryIntegrationTest.withTestPasswordHash(all);
        List<String> args = new ArrayList<>();
        all.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrreryApplication.class)
            .run(args.toArray(String[]::new));
        return new OrreryNode(context, Integer.parseInt(settings.get("server.port")));
    }

    /**
     * Starts an Orrery of its own on a free port, with a fresh in-memory database seeded from the test seed file and
     * these settings on top: for tests that need settings the shared server does not have.
     */
    public static OrreryNode startFresh(Map<String, String> settings) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", String.valueOf(port));
        all.put("orrery.base-url", "http://127.0.0.1:" + port);
        all.put("spring.datasource.url", "jdbc:h2:mem:orrery-node-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        all.put("spring.datasource.username", "sa");
        all.put("spring.datasource.password", "");
        all.put("orrery.seed-file", OrreryIntegrationTest.testSeedFile());
        all.putAll(settings);
        return start(all);
    }

    /** A bean of this node's application. */
    public <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    /** This node's application context (its route list, its beans). */
    public org.springframework.context.ApplicationContext context() {
        return this.context;
    }

    /** This node's own address (not the public base URL, which all nodes share). */
    public String url() {
        return "http://localhost:" + this.port;
    }

    public int port() {
        return this.port;
    }

    @Override
    public void close() {
        this.context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
