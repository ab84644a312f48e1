package org.orrery.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * Every row of every table of the application's database, read through its own data source, so that two
 * snapshots can be compared. Left out: HTTP sessions (a visitor's request may open one), the migration history,
 * signing keys (rotated by a scheduled job on its own clock), and the audit trail, sign-in throttle and request
 * throttle, which record failed sign-ins and password-reset requests on purpose.
 */
record DatabaseSnapshot(Map<String, List<String>> rows) {

    private static final Set<String> LEFT_OUT = Set.of("spring_session", "spring_session_attributes",
            "flyway_schema_history", "signing_key", "audit_event", "sign_in_throttle", "request_throttle");

    /** The tables of each database read so far: the schema does not change while tests run. */
    private static final Map<DataSource, List<String>> TABLES = new ConcurrentHashMap<>();

    static DatabaseSnapshot of(DataSource dataSource) {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES.computeIfAbsent(dataSource, ignored -> tables(connection))) {
                rows.put(table.toLowerCase(Locale.ROOT), read(connection, table));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot read the database", ex);
        }
        return new DatabaseSnapshot(rows);
    }

    /** The tables compared (on PostgreSQL the catalogue query costs more than reading most tables). */
    private static List<String> tables(Connection connection) {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] { "TABLE" })) {
            while (found.next()) {
                String table = found.getString("TABLE_NAME");
                if (!LEFT_OUT.contains(table.toLowerCase(Locale.ROOT))) {
                    tables.add(table);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot list the tables", ex);
        }
        return List.copyOf(tables);
    }

    /** Per table, the rows that one snapshot has and the other has not. */
    List<String> differences(DatabaseSnapshot after) {
        List<String> differences = new ArrayList<>();
        for (String table : after.rows.keySet()) {
            Set<String> before = new HashSet<>(this.rows.getOrDefault(table, List.of()));
            Set<String> now = new HashSet<>(after.rows.get(table));
            before.stream().filter(row -> !now.contains(row)).forEach(row -> differences.add(table + " lost " + row));
            now.stream().filter(row -> !before.contains(row)).forEach(row -> differences.add(table + " gained " + row));
        }
        return differences;
    }

    int rowCount() {
        return this.rows.values().stream().mapToInt(List::size).sum();
    }

    /** Control characters as escapes, so that a report shows them. */
    private static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        value.chars()
            .forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static List<String> read(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : " | ").append(result.getMetaData().getColumnName(i)).append('=')
                        .append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
