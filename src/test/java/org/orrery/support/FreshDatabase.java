package org.orrery.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for a test's nodes: a fresh in-memory H2 database that nodes in this JVM can share, or,
 * when the suite runs on PostgreSQL ({@code orrery.test.datasource.url}), a fresh schema of that database.
 */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    /** The {@code spring.datasource.*} (and, on PostgreSQL, Flyway schema) settings of a new, empty database. */
    public static Map<String, String> settings(String name) {
        String postgresql = System.getProperty("orrery.test.datasource.url");
        Map<String, String> settings = new LinkedHashMap<>();
        if (postgresql == null) {
            settings.put("spring.datasource.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1");
            settings.put("spring.datasource.username", "sa");
            settings.put("spring.datasource.password", "");
            return settings;
        }
        String user = System.getProperty("orrery.test.datasource.username");
        String password = System.getProperty("orrery.test.datasource.password");
        try (var connection = DriverManager.getConnection(postgresql, user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            statement.execute("CREATE SCHEMA " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot make schema " + name + ": " + ex.getMessage(), ex);
        }
        settings.put("spring.datasource.url", postgresql + (postgresql.contains("?") ? "&" : "?")
                + "currentSchema=" + name);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        settings.put("spring.flyway.schemas", name);
        return settings;
    }
}
