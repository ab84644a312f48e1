package org.orrery.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.orrery.support.FreshDatabase;

/** A database of its own for a search test's nodes ({@link FreshDatabase}), and connections to it. */
final class SearchDatabase {

    private SearchDatabase() {
    }

    /** The {@code spring.datasource.*} (and Flyway schema) settings of a new, empty database. */
    static Map<String, String> fresh(String schema) {
        return FreshDatabase.settings(schema);
    }

    static Connection connect(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"));
    }
}
