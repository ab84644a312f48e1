package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes a refresh can walk from the newest token of a kind, and from the live tokens, in its authorization. A
 * refresh used to read every token its authorization ever had, so a long refresh chain grew dearer with each
 * refresh. The old one-column index goes: both new ones start with the authorization. H2 serves the foreign key
 * with that index and will not drop it while the key exists, and the key's generated name differs between the two
 * databases, so this migration (unlike the SQL ones) finds the name, drops the key and adds it back by name.
 */
public class V33__Token_family_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            for (String foreignKey : foreignKeysOfTokens(sql)) {
                sql.execute("ALTER TABLE oauth_token DROP CONSTRAINT " + foreignKey);
            }
            sql.execute("DROP INDEX oauth_token_authorization_idx");
            sql.execute("CREATE INDEX oauth_token_family_newest_idx ON oauth_token (authorization_id, token_kind, issued_at)");
            sql.execute("CREATE INDEX oauth_token_family_live_idx ON oauth_token (authorization_id, token_kind, invalidated)");
            sql.execute("ALTER TABLE oauth_token ADD CONSTRAINT oauth_token_authorization_fk FOREIGN KEY (authorization_id)"
                    + " REFERENCES oauth_authorization (id) ON DELETE CASCADE");
        }
    }

    private static List<String> foreignKeysOfTokens(Statement sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
                + " WHERE LOWER(table_name) = 'oauth_token' AND constraint_type = 'FOREIGN KEY'"
                + " AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")) {
            while (rows.next()) {
                names.add('"' + rows.getString(1) + '"');
            }
        }
        return names;
    }
}
