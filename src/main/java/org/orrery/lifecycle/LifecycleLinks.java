package org.orrery.lifecycle;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.orrery.clients.SecretHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one-use links the researcher's own flows mail (deactivation confirmation, reactivation). A link's value is
 * 256 random bits; only its SHA-256 is stored. A link works once, until it expires, and stops working after
 * {@link #MAX_ATTEMPTS} wrong passwords or codes. At most {@link #MAX_PER_HOUR} links per record and purpose are
 * issued an hour, so nobody can flood an inbox.
 */
@Repository
class LifecycleLinks {

    /** What a link is for. */
    enum Purpose {
        DEACTIVATE(Duration.ofHours(4)), REACTIVATE(Duration.ofHours(24));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    static final int MAX_ATTEMPTS = 5;

    static final int MAX_PER_HOUR = 5;

    private static final int MAX_TOKEN_LENGTH = 100;

    private final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;

    LifecycleLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link's secret value, or empty when too many were issued in the last hour. */
    Optional<String> issue(String orcid, Purpose purpose) {
        Instant now = Instant.now();
        // The record's expired links go first, so the table holds no more than a few rows per record.
        this.jdbc.update("DELETE FROM lifecycle_link WHERE orcid = ? AND expires_at < ?", orcid, Timestamp.from(now));
        Integer recent = this.jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_link WHERE orcid = ? AND purpose = ?"
                + " AND created_at > ?", Integer.class, orcid, purpose.name(),
                Timestamp.from(now.minus(Duration.ofHours(1))));
        if (recent != null && recent >= MAX_PER_HOUR) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        this.random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.jdbc.update("INSERT INTO lifecycle_link (token_hash, purpose, orcid, created_at, expires_at, attempts)"
                + " VALUES (?, ?, ?, ?, ?, 0)", SecretHasher.sha256(token), purpose.name(), orcid, Timestamp.from(now),
                Timestamp.from(now.plus(purpose.lifetime)));
        return Optional.of(token);
    }

    /** The record a usable link is for, without using it up. */
    Optional<String> peek(String token, Purpose purpose) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        List<String> found = this.jdbc.queryForList("SELECT orcid FROM lifecycle_link WHERE token_hash = ?"
                + " AND purpose = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?", String.class,
                SecretHasher.sha256(token), purpose.name(), Timestamp.from(Instant.now()), MAX_ATTEMPTS);
        return found.stream().findFirst();
    }

    /** Uses the link up; true only for the one caller that did (call inside the action's transaction). */
    boolean consume(String token, Purpose purpose) {
        if (peek(token, purpose).isEmpty()) {
            return false;
        }
        return this.jdbc.update("UPDATE lifecycle_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Timestamp.from(Instant.now()), SecretHasher.sha256(token)) == 1;
    }

    /** Counts a wrong password or code against the link. */
    void failedAttempt(String token) {
        this.jdbc.update("UPDATE lifecycle_link SET attempts = attempts + 1 WHERE token_hash = ?",
                SecretHasher.sha256(token));
    }

    /** Every unused link of the record stops working (after the state it was for changed). */
    void retireAll(String orcid) {
        this.jdbc.update("UPDATE lifecycle_link SET used_at = ? WHERE orcid = ? AND used_at IS NULL",
                Timestamp.from(Instant.now()), orcid);
    }
}
