package org.orrery.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Every value in every table of the database's current schema, read through plain JDBC, as text. */
public final class DatabaseContents {

    /** One stored value: where it is and what it reads as (binary values as ISO-8859-1 text). */
    public record Cell(String table, String column, String text) {
    }

    private DatabaseContents() {
    }

    public static List<String> tables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            return tables;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static List<Cell> read(DataSource dataSource) {
        List<Cell> cells = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables(dataSource)) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value != null) {
                                cells.add(new Cell(table, meta.getColumnName(i), text(value)));
                            }
                        }
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return cells;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return value.toString();
    }
}
