package org.orrery.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for a search test's nodes: a fresh in-memory H2 database that nodes in this JVM share, or,
 * when the suite runs on PostgreSQL ({@code orrery.test.datasource.url}), a fresh schema of that database.
 */
final class SearchDatabase {

    private static final String POSTGRESQL_URL = System.getProperty("orrery.test.datasource.url");

    private SearchDatabase() {
    }

    /** The {@code spring.datasource.*} (and Flyway schema) settings of a new, empty database. */
    static Map<String, String> fresh(String schema) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        if (POSTGRESQL_URL == null) {
            settings.put("spring.datasource.url", "jdbc:h2:mem:" + schema + "-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1");
            settings.put("spring.datasource.username", "sa");
            settings.put("spring.datasource.password", "");
            return settings;
        }
        String user = System.getProperty("orrery.test.datasource.username");
        String password = System.getProperty("orrery.test.datasource.password");
        try (Connection db = DriverManager.getConnection(POSTGRESQL_URL, user, password);
                Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        settings.put("spring.datasource.url", POSTGRESQL_URL + (POSTGRESQL_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        settings.put("spring.flyway.schemas", schema);
        return settings;
    }

    static Connection connect(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"));
    }
}
