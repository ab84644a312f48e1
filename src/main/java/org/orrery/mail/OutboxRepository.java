package org.orrery.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code mail_outbox} as the senders and the pages that show mail see them. A sender claims a due row
 * with a conditional UPDATE (status PENDING, due, lease over) that sets its own claim token and a new lease: on
 * H2 and PostgreSQL alike, two nodes that try at once cannot both win, because the second update re-reads the row
 * after the first commits and then no longer matches.
 */
@Repository
class OutboxRepository {

    /** One queued message. */
    record Message(long id, String recipient, String subject, String textBody, String htmlBody, String template,
            Instant createdAt, String status, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private static final String COLUMNS = "id, recipient, subject, text_body, html_body, template, created_at, status,"
            + " attempts, next_attempt_at, sent_at, last_error";

    private final JdbcTemplate jdbc;

    OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} due messages for {@code claimToken} until {@code leaseEnd}; returns those won. */
    List<Message> claimDue(Instant now, Instant leaseEnd, int limit, String claimToken) {
        Timestamp at = Timestamp.from(now);
        List<Long> candidates = this.jdbc.queryForList("SELECT id FROM mail_outbox WHERE status = 'PENDING'"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY next_attempt_at, id LIMIT ?", Long.class, at, at, limit);
        List<Message> won = new ArrayList<>();
        for (long id : candidates) {
            int updated = this.jdbc.update("UPDATE mail_outbox SET claimed_until = ?, claim_token = ?,"
                    + " attempts = attempts + 1 WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)", Timestamp.from(leaseEnd), claimToken, id,
                    at, at);
            if (updated == 1) {
                find(id).ifPresent(won::add);
            }
        }
        return won;
    }

    /**
     * Marks a claimed message sent and forgets its bodies (they may hold a single-use link, which is now in the
     * recipient's mailbox only); false when the claim was lost meanwhile (its lease ran out).
     */
    boolean markSent(long id, String claimToken, Instant now) {
        return this.jdbc.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, claimed_until = NULL,"
                + " claim_token = NULL, last_error = NULL, text_body = '', html_body = ''"
                + " WHERE id = ? AND claim_token = ?", Timestamp.from(now), id,
                claimToken) == 1;
    }

    /** Schedules another attempt of a claimed message after a failure. */
    void retryLater(long id, String claimToken, Instant nextAttempt, String error) {
        this.jdbc.update("UPDATE mail_outbox SET next_attempt_at = ?, claimed_until = NULL, claim_token = NULL,"
                + " last_error = ? WHERE id = ? AND claim_token = ?", Timestamp.from(nextAttempt), error, id,
                claimToken);
    }

    /** Gives a claimed message up: FAILED, kept for an operator. */
    void markFailed(long id, String claimToken, String error) {
        this.jdbc.update("UPDATE mail_outbox SET status = 'FAILED', claimed_until = NULL, claim_token = NULL,"
                + " last_error = ? WHERE id = ? AND claim_token = ?", error, id, claimToken);
    }

    /** Deletes messages sent before this instant; returns how many. */
    int purgeSentBefore(Instant before) {
        return this.jdbc.update("DELETE FROM mail_outbox WHERE status = 'SENT' AND sent_at < ?", Timestamp.from(before));
    }

    Optional<Message> find(long id) {
        return this.jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", OutboxRepository::map, id)
            .stream()
            .findFirst();
    }

    /** Messages newest first, of one status or (null) of any. */
    List<Message> newestFirst(String status, int limit) {
        if (status == null) {
            return this.jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT ?",
                    OutboxRepository::map, limit);
        }
        return this.jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE status = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT ?", OutboxRepository::map, status, limit);
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getString("template"),
                instant(rs, "created_at"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
