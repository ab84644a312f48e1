package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.support.Dance.MEMBER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.clients.SecretHasher;
import org.orrery.oauth.AccessTokenIntrospector;
import org.orrery.support.OrreryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every lookup path is served by an index, shown by the database's own query plan (EXPLAIN). On PostgreSQL the
 * lookup paths are planned with sequential scans priced out ({@code enable_seqscan = off}), which still chooses
 * a scan when no index fits; the token lookup is also planned as is, on a table of twenty thousand tokens.
 * On H2 the plan names the index it uses, or says {@code tableScan}. (The signing-key table holds a handful of
 * rows and is read whole on purpose.)
 */
class LookupIndexTests extends OrreryIntegrationTest {

    private static final Timestamp NOW = Timestamp.from(Instant.now());

    @Autowired
    private JdbcTemplate jdbc;

    static Stream<Arguments> lookupPaths() {
        String hash = SecretHasher.sha256("x");
        return Stream.of(
                Arguments.of("API token", "oauth_token_pkey", AccessTokenIntrospector.LOOKUP, List.of(hash, "access", NOW)),
                Arguments.of("code or token by hash", "oauth_token_pkey",
                        "SELECT authorization_id, token_kind FROM oauth_token WHERE token_hash = ?", List.of(hash)),
                Arguments.of("authorization by state", "oauth_authorization_state_idx", "SELECT id FROM oauth_authorization WHERE state_hash = ?",
                        List.of(hash)),
                Arguments.of("tokens of an authorization", "oauth_token_family_(newest|live)_idx",
                        "SELECT * FROM oauth_token WHERE authorization_id = ?", List.of("id")),
                Arguments.of("refresh: newest token of a kind in an authorization", "oauth_token_family_newest_idx",
                        "SELECT * FROM oauth_token WHERE authorization_id = ? AND token_kind = ?"
                                + " AND (revoke_reason IS NULL OR revoke_reason <> ?)"
                                + " ORDER BY authorization_id DESC, token_kind DESC, issued_at DESC LIMIT 1",
                        List.of("id", "access", "ROTATED")),
                // On a small table PostgreSQL may take either family index; on a long chain only the live one narrows.
                Arguments.of("refresh: live refresh tokens of an authorization",
                        "(oauth_token_family_live_idx|oauth_token_family_newest_idx)",
                        "SELECT token_hash FROM oauth_token WHERE authorization_id = ? AND token_kind = ?"
                                + " AND invalidated = FALSE", List.of("id", "refresh")),
                Arguments.of("a token's pair (refresh with access)", "oauth_token_pair_idx",
                        "SELECT token_hash FROM oauth_token WHERE pair_hash = ?", List.of(hash)),
                // On a small table PostgreSQL may take either index; both narrow to a researcher's or client's rows.
                Arguments.of("authorizations under a grant",
                        "(oauth_authorization_grant_idx|oauth_authorization_client_idx)",
                        "SELECT id FROM oauth_authorization WHERE orcid = ? AND client_id = ?",
                        List.of("0000-0002-1694-233X", MEMBER)),
                Arguments.of("authorizations of a client", "oauth_authorization_client_idx", "SELECT id FROM oauth_authorization WHERE client_id = ?",
                        List.of(MEMBER)),
                Arguments.of("grants of a client", "oauth_grant_client_idx", "SELECT orcid FROM oauth_grant WHERE client_id = ?",
                        List.of(MEMBER)),
                Arguments.of("grants of a researcher", "oauth_grant_pkey", "SELECT client_id FROM oauth_grant WHERE orcid = ?",
                        List.of("0000-0002-1694-233X")),
                Arguments.of("researcher by email", "researcher_email_uk", "SELECT * FROM researcher WHERE email = ?",
                        List.of("ada@example.org")),
                Arguments.of("clients of a researcher", "api_client_owner_idx", "SELECT * FROM api_client WHERE owner_orcid = ?",
                        List.of("0000-0002-1694-233X")),
                Arguments.of("unowned client by name", "api_client_name_idx",
                        "SELECT client_id FROM api_client WHERE owner_orcid IS NULL AND name = ?", List.of("x")),
                Arguments.of("records holding a client's items (raised when it is renamed)", "record_item_source_idx",
                        "SELECT orcid FROM record_item WHERE source_client_id = ?", List.of(MEMBER)),
                Arguments.of("secrets of a client", "api_client_secret_client_idx", "SELECT secret_hash FROM api_client_secret WHERE client_id = ?",
                        List.of(MEMBER)),
                Arguments.of("redirect URIs of a client", "api_client_redirect_uri_pkey",
                        "SELECT uri FROM api_client_redirect_uri WHERE client_id = ? ORDER BY position",
                        List.of(MEMBER)),
                Arguments.of("purge: expired tokens", "oauth_token_expiry_idx", "SELECT token_hash FROM oauth_token WHERE expires_at < ?",
                        List.of(NOW)),
                Arguments.of("purge: expired authorizations", "oauth_authorization_expiry_idx",
                        "SELECT id FROM oauth_authorization WHERE expires_at < ?", List.of(NOW)),
                Arguments.of("session by id", "spring_session_ix1", "SELECT * FROM SPRING_SESSION WHERE SESSION_ID = ?", List.of("x")),
                Arguments.of("expired sessions", "spring_session_ix2", "SELECT PRIMARY_ID FROM SPRING_SESSION WHERE EXPIRY_TIME < ?",
                        List.of(NOW.getTime())));
    }

    @ParameterizedTest(name = "{0} uses {1}")
    @MethodSource("lookupPaths")
    void lookupPathIsServedByItsIndex(String path, String index, String sql, List<Object> parameters) {
        String plan = this.jdbc.execute((ConnectionCallback<String>) connection -> {
            if (isPostgresql(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                    try {
                        return explain(connection, sql, parameters);
                    }
                    finally {
                        statement.execute("RESET enable_seqscan");
                    }
                }
            }
            return explain(connection, sql, parameters);
        });
        assertUsesIndex(plan, index);
    }

    /** A refresh reads the newest token of each kind from the end of the index: no sort of the whole chain. */
    @Test
    void theNewestTokenOfAKindIsReadFromTheEndOfTheIndex() {
        String sql = "SELECT * FROM oauth_token WHERE authorization_id = ? AND token_kind = ?"
                + " AND (revoke_reason IS NULL OR revoke_reason <> ?)"
                + " ORDER BY authorization_id DESC, token_kind DESC, issued_at DESC LIMIT 1";
        String plan = this.jdbc.execute((ConnectionCallback<String>) connection -> explain(connection, sql,
                List.of("id", "refresh", "ROTATED")));
        if (plan.contains("Index")) {
            assertThat(plan).contains("Index Scan Backward using oauth_token_family_newest_idx").doesNotContain("Sort");
        }
        else {
            assertThat(plan).contains("/* index sorted */");
        }
    }

    @Test
    void tokenLookupIsAnIndexLookupAmongManyTokens() {
        String authorizationId = "plan-" + UUID.randomUUID();
        Timestamp future = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        this.jdbc.update("INSERT INTO oauth_authorization (id, client_id, grant_type, created_at, expires_at)"
                + " VALUES (?, ?, 'authorization_code', ?, ?)", authorizationId, MEMBER, NOW, future);
        try {
            List<Object[]> tokens = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                tokens.add(new Object[] { SecretHasher.sha256(authorizationId + i), authorizationId, NOW, future });
            }
            this.jdbc.batchUpdate("INSERT INTO oauth_token (token_hash, authorization_id, token_kind, issued_at,"
                    + " expires_at, invalidated) VALUES (?, ?, 'access', ?, ?, FALSE)", tokens);
            String plan = this.jdbc.execute((ConnectionCallback<String>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(isPostgresql(connection) ? "ANALYZE oauth_token" : "ANALYZE TABLE oauth_token");
                }
                return explain(connection, AccessTokenIntrospector.LOOKUP,
                        List.of(SecretHasher.sha256(authorizationId + 7), "access", NOW));
            });
            if (plan.contains("Index")) {
                // PostgreSQL may scan the small tables it joins; the token table it must probe by its key.
                assertThat(plan).contains("Index Scan using oauth_token_pkey on oauth_token t")
                    .doesNotContain("Seq Scan on oauth_token");
            }
            else {
                assertUsesIndex(plan, "oauth_token_pkey");
            }
        }
        finally {
            this.jdbc.update("DELETE FROM oauth_authorization WHERE id = ?", authorizationId);
        }
    }

    /**
     * PostgreSQL's plan must use the named index (PostgreSQL makes no index for a foreign key by itself). H2 indexes
     * every foreign key on its own and may pick that index instead, so on H2 any index will do, but no table scan.
     */
    private static void assertUsesIndex(String plan, String index) {
        assertThat(plan).as("query plan").doesNotContain("Seq Scan").doesNotContainIgnoringCase("tableScan");
        if (plan.contains("Index")) {
            assertThat(plan).as("query plan").containsPattern("(Index (Only )?Scan (Backward )?using|Bitmap Index Scan on) " + index + " ");
        }
        else {
            assertThat(plan.toLowerCase()).as("query plan").containsPattern("/\\* public\\.[a-z0-9_]+: ");
        }
    }

    private static boolean isPostgresql(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static String explain(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
