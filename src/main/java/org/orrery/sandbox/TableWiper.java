package org.orrery.sandbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes every row of every application table of the current schema except Flyway's history and the signing
 * keys, whatever tables other features add: the tables and their foreign keys are read from the database's
 * metadata once, and rows are deleted referencing tables first. Where foreign keys form a cycle (a table
 * referencing itself, say), nullable referencing columns are cleared first. Runs on the caller's transaction.
 */
final class TableWiper {

    /** Tables whose rows a reset keeps (compared without case). */
    static final Set<String> KEPT = Set.of("flyway_schema_history", "signing_key");

    private final JdbcTemplate jdbc;

    private volatile List<String> plan;

    TableWiper(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties the tables; returns how many tables were emptied. */
    int wipe() {
        List<String> statements = this.plan;
        if (statements == null) {
            statements = this.jdbc.execute((ConnectionCallback<List<String>>) TableWiper::plan);
            this.plan = statements;
        }
        int tables = 0;
        for (String sql : statements) {
            this.jdbc.update(sql);
            tables += sql.startsWith("DELETE") ? 1 : 0;
        }
        return tables;
    }

    private static List<String> plan(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        String quote = meta.getIdentifierQuoteString().trim();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        // referencing table -> (referenced table, referencing column, nullable)
        Map<String, List<String[]>> references = new LinkedHashMap<>();
        for (String table : tables) {
            List<String[]> keys = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    keys.add(new String[] { rs.getString("PKTABLE_NAME"), rs.getString("FKCOLUMN_NAME") });
                }
            }
            references.put(table, keys);
        }
        List<String> statements = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(tables);
        while (!remaining.isEmpty()) {
            String next = null;
            for (String candidate : remaining) {
                if (!isReferenced(candidate, remaining, references)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                // A cycle: clear the nullable references of the first remaining table and try again.
                next = remaining.iterator().next();
                for (String[] key : references.get(next)) {
                    if (remaining.contains(key[0]) && isNullable(meta, catalog, schema, next, key[1])) {
                        statements.add("UPDATE " + q(quote, next) + " SET " + q(quote, key[1]) + " = NULL");
                    }
                }
            }
            else {
                for (String[] key : references.get(next)) {
                    if (key[0].equals(next) && isNullable(meta, catalog, schema, next, key[1])) {
                        statements.add("UPDATE " + q(quote, next) + " SET " + q(quote, key[1]) + " = NULL");
                    }
                }
            }
            statements.add("DELETE FROM " + q(quote, next));
            remaining.remove(next);
        }
        return List.copyOf(statements);
    }

    /** Whether another remaining table references this one (a table's references to itself do not count). */
    private static boolean isReferenced(String table, Set<String> remaining, Map<String, List<String[]>> references) {
        for (String other : remaining) {
            if (other.equals(table)) {
                continue;
            }
            for (String[] key : references.get(other)) {
                if (key[0].equals(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNullable(DatabaseMetaData meta, String catalog, String schema, String table,
            String column) throws SQLException {
        try (ResultSet rs = meta.getColumns(catalog, schema, table, column)) {
            return rs.next() && rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
        }
    }

    private static String q(String quote, String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
