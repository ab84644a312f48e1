package org.orrery.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most so many requests per key in a fixed window, counted in the database (table {@code request_throttle}) so
 * that every node agrees: password-reset and verification mails per address, per account and per source address.
 */
@Component
class RequestThrottle {

    private final JdbcTemplate jdbc;

    RequestThrottle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one request on the key; false when the key already had {@code limit} in its current window. */
    boolean allow(String key, int limit, Duration window) {
        Instant now = Instant.now();
        Timestamp stale = Timestamp.from(now.minus(window));
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = this.jdbc.update("UPDATE request_throttle SET requests = CASE WHEN window_start < ? THEN 1"
                    + " ELSE requests + 1 END, window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END"
                    + " WHERE throttle_key = ?", stale, stale, Timestamp.from(now), key);
            if (updated == 0) {
                try {
                    this.jdbc.update("INSERT INTO request_throttle (throttle_key, window_start, requests)"
                            + " VALUES (?, ?, 1)", key, Timestamp.from(now));
                    return true;
                }
                catch (DuplicateKeyException concurrentFirst) {
                    continue;
                }
            }
            Integer requests = this.jdbc.queryForObject("SELECT requests FROM request_throttle WHERE throttle_key = ?",
                    Integer.class, key);
            return requests != null && requests <= limit;
        }
        return false;
    }

    /** Forgets windows that ended before this instant. */
    int purgeStartedBefore(Instant before) {
        return this.jdbc.update("DELETE FROM request_throttle WHERE window_start < ?", Timestamp.from(before));
    }
}
