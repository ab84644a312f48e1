package org.orrery.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.orrery.OrreryApplication;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a separate Orrery inside the test JVM with its own settings (port, database, seed file), for tests
 * about start-up and configuration that the shared server cannot show.
 */
final class InProcessOrrery {

    private InProcessOrrery() {
    }

    /** Settings for an Orrery on a random port with a fresh in-memory database of its own. */
    static Map<String, Object> freshSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", "jdbc:h2:mem:orrery-b-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        settings.put("spring.datasource.username", "sa");
        settings.put("spring.datasource.password", "");
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(OrreryIntegrationTest.TEST_PASSWORD_HASH);
        return settings;
    }

    /** Starts Orrery with the settings as command-line arguments, so they win over application.properties. */
    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(OrreryApplication.class).run(args);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
