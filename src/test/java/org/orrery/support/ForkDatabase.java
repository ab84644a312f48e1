package org.orrery.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test JVM after the first a PostgreSQL database of its own. Surefire runs the suite in several JVMs at
 * once ({@code orrery.test.forks}); they all get the one database named by {@code orrery.test.datasource.url}, and
 * the tests of one JVM take that database for theirs alone (the shared server's seed, outages, counts). Before any
 * test class is loaded, JVM number {@code n > 1} creates {@code <database>_fork<n>} beside it (dropped first if an
 * earlier run left it) and points the property at it; the database is dropped again when the JVM's tests end.
 * On H2 every JVM has its own in-memory database anyway and this does nothing.
 */
public final class ForkDatabase implements LauncherSessionListener {

    private static final String URL = "orrery.test.datasource.url";

    private String created;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getProperty(URL, "");
        int fork = forkNumber();
        if (!url.startsWith("jdbc:postgresql://") || fork <= 1 || this.created != null) {
            return;
        }
        String database = database(url) + "_fork" + fork;
        onServer(url, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        onServer(url, "CREATE DATABASE " + database);
        this.created = database;
        System.setProperty(URL, withDatabase(url, database));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (this.created != null) {
            onServer(System.getProperty(URL), "DROP DATABASE IF EXISTS " + this.created + " WITH (FORCE)");
            this.created = null;
        }
    }

    private static int forkNumber() {
        try {
            // "fork-<n>" (surefire fills in n; a bare placeholder would reach the JVM empty)
            return Integer.parseInt(System.getProperty("orrery.test.fork", "fork-1").replace("fork-", ""));
        }
        catch (NumberFormatException ex) {
            // Run outside surefire's forks (an IDE): the placeholder stays unreplaced.
            return 1;
        }
    }

    /** Runs a statement connected to the server's maintenance database as the test role. */
    private static void onServer(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(withDatabase(url, "postgres"),
                System.getProperty("orrery.test.datasource.username"),
                System.getProperty("orrery.test.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + " failed (the test role needs CREATEDB to run the suite in "
                    + "several JVMs; or run with -Dorrery.test.forks=1): " + ex.getMessage(), ex);
        }
    }

    /** The database a PostgreSQL JDBC URL names. */
    static String database(String url) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int end = url.indexOf('?', slash);
        return url.substring(slash + 1, end < 0 ? url.length() : end);
    }

    /** The PostgreSQL JDBC URL with another database of the same server in it. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int end = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (end < 0 ? "" : url.substring(end));
    }
}
