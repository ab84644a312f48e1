package org.orrery.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrreryApplication.class)
            .run(args.toArray(String[]::new));
        return new OrreryNode(context, Integer.parseInt(settings.get("server.port")));
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
}
