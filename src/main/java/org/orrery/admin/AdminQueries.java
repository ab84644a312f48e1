package org.orrery.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The console's reads: finding researchers, a researcher's working tokens, and the mail outbox's failures. */
@Repository
public class AdminQueries {

    static final int MAX_RESULTS = 50;

    private final JdbcTemplate jdbc;

    public AdminQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A researcher as a search result. */
    public record Found(String orcid, String givenNames, String familyName, String email, String state) {
    }

    /** A working access token: which client, which scopes, since when, until when. */
    public record WorkingToken(String clientId, String clientName, String scopes, Instant issuedAt, Instant expiresAt) {
    }

    /** A message the outbox gave up on. */
    public record FailedMail(long id, String recipient, String subject, String template, Instant createdAt,
            int attempts, String lastError) {
    }

    /** Researchers whose iD or e-mail is the query, or whose names contain it (case-insensitive). */
    public List<Found> find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 320) {
            return List.of();
        }
        String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return this.jdbc.query("SELECT orcid, given_names, family_name, email, record_state FROM researcher"
                + " WHERE orcid = ? OR LOWER(email) = ? OR LOWER(given_names) LIKE ? ESCAPE '\\'"
                + " OR LOWER(family_name) LIKE ? ESCAPE '\\'"
                + " OR LOWER(CONCAT(CONCAT(given_names, ' '), COALESCE(family_name, ''))) LIKE ? ESCAPE '\\'"
                + " ORDER BY family_name, given_names, orcid LIMIT " + MAX_RESULTS,
                (rs, row) -> new Found(rs.getString("orcid"), rs.getString("given_names"), rs.getString("family_name"),
                        rs.getString("email"), rs.getString("record_state")),
                q, q.toLowerCase(Locale.ROOT), like, like, like);
    }

    public List<WorkingToken> workingTokens(String orcid) {
        return this.jdbc.query("SELECT a.client_id, c.name, t.scopes, t.issued_at, t.expires_at FROM oauth_token t"
                + " JOIN oauth_authorization a ON a.id = t.authorization_id"
                + " JOIN api_client c ON c.client_id = a.client_id"
                + " WHERE a.orcid = ? AND t.token_kind = 'access' AND t.invalidated = FALSE AND t.expires_at > ?"
                + " ORDER BY t.issued_at DESC LIMIT 200",
                (rs, row) -> new WorkingToken(rs.getString("client_id"), rs.getString("name"), rs.getString("scopes"),
                        rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant()),
                orcid, Timestamp.from(Instant.now()));
    }

    /** The outbox's FAILED messages, newest first (columns of V40__mail_outbox.sql). */
    public List<FailedMail> failedMail(int limit) {
        return this.jdbc.query("SELECT id, recipient, subject, template, created_at, attempts, last_error"
                + " FROM mail_outbox WHERE status = 'FAILED' ORDER BY created_at DESC, id DESC LIMIT " + limit,
                (rs, row) -> new FailedMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("template"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                        rs.getString("last_error")),
                new Object[0]);
    }
}
