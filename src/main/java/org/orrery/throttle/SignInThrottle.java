package org.orrery.throttle;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Growing, bounded delays after failed sign-ins, per account and per source address, kept in the database so
 * that every node sees the same blocks (table {@code sign_in_throttle}). There is no lockout: a block lasts at
 * most the key's maximum delay, blocked attempts do not count as failures, and a quiet key is forgotten after
 * the window. A successful sign-in clears the account's failures, never the address's.
 */
@Component
@EnableConfigurationProperties(SignInThrottleProperties.class)
public class SignInThrottle {

    private final JdbcTemplate jdbc;

    private final SignInThrottleProperties settings;

    public SignInThrottle(JdbcTemplate jdbc, SignInThrottleProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The key of a known account. */
    public static String accountKey(String orcid) {
        return "account:" + orcid;
    }

    /** The key of a typed user id that names no account, as its hash: never what someone typed. */
    public static String unknownAccountKey(String sha256OfUserId) {
        return "unknown:" + sha256OfUserId;
    }

    /** The key of a source address. */
    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** The end of the latest block on any of these keys, or null when none is blocked now. */
    public Instant blockedUntil(String accountKey, String addressKey) {
        Timestamp until = this.jdbc.queryForObject("SELECT MAX(blocked_until) FROM sign_in_throttle"
                + " WHERE throttle_key IN (?, ?) AND blocked_until > ?", Timestamp.class, accountKey, addressKey,
                Timestamp.from(Instant.now()));
        return until == null ? null : until.toInstant();
    }

    /** Counts a failure on both keys; returns the end of the block it starts, or null if it starts none. */
    public Instant recordFailure(String accountKey, String addressKey) {
        Instant now = Instant.now();
        forgetQuietKeys(now);
        Instant account = fail(accountKey, this.settings.accountFreeFailures(), this.settings.accountMaxDelay(), now);
        Instant address = fail(addressKey, this.settings.addressFreeFailures(), this.settings.addressMaxDelay(), now);
        if (account == null) {
            return address;
        }
        return address == null || account.isAfter(address) ? account : address;
    }

    /** Forgets an account's failures (after its researcher signed in). */
    public void clear(String accountKey) {
        this.jdbc.update("DELETE FROM sign_in_throttle WHERE throttle_key = ?", accountKey);
    }

    private Instant fail(String key, int freeFailures, Duration maxDelay, Instant now) {
        int failures = count(key, now);
        if (failures <= freeFailures) {
            return null;
        }
        Instant until = now.plus(delay(failures - freeFailures, maxDelay));
        this.jdbc.update("UPDATE sign_in_throttle SET blocked_until = ? WHERE throttle_key = ?", Timestamp.from(until),
                key);
        return until;
    }

    /** The failure count of the key after this failure; a count older than the window starts again at one. */
    private int count(String key, Instant now) {
        Timestamp stale = Timestamp.from(now.minus(this.settings.window()));
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = this.jdbc.update("UPDATE sign_in_throttle SET failures = CASE WHEN last_failure_at < ?"
                    + " THEN 1 ELSE failures + 1 END, last_failure_at = ? WHERE throttle_key = ?", stale,
                    Timestamp.from(now), key);
            if (updated == 0) {
                try {
                    this.jdbc.update("INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at)"
                            + " VALUES (?, 1, ?)", key, Timestamp.from(now));
                    return 1;
                }
                catch (DuplicateKeyException concurrentFirstFailure) {
                    continue;
                }
            }
            List<Integer> failures = this.jdbc.queryForList(
                    "SELECT failures FROM sign_in_throttle WHERE throttle_key = ?", Integer.class, key);
            return failures.isEmpty() ? 1 : failures.get(0);
        }
        return 1;
    }

    /** The n-th block (n from 1): the first delay doubled n - 1 times, at most the maximum. */
    private Duration delay(int n, Duration maxDelay) {
        Duration delay = this.settings.firstDelay();
        for (int i = 1; i < n && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private void forgetQuietKeys(Instant now) {
        this.jdbc.update("DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL"
                + " OR blocked_until < ?)", Timestamp.from(now.minus(this.settings.window())), Timestamp.from(now));
    }
}
