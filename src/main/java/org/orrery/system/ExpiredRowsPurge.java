package org.orrery.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, in batches of bounded size, the rows that expired longer than {@code orrery.purge.retention} ago:
 * codes (used or not), access and refresh tokens, then authorizations left with no token at all, and client
 * secrets that a reset ended (they no longer authenticate once expired: the purge only tidies). A used code
 * stays until then, so a late replay of it is still recognised and revokes what it produced. Every node runs
 * the job every {@code orrery.purge.interval}; concurrent runs only delete the same rows. Expired HTTP sessions
 * are Spring Session's own job ({@code spring.session.jdbc.cleanup-cron}).
 */
@Component
public class ExpiredRowsPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsPurge.class);

    /** How many rows of each kind were deleted. */
    public record Purged(int tokens, int authorizations, int clientSecrets) {
    }

    private final JdbcTemplate jdbc;

    private final Duration retention;

    private final int batchSize;

    @Autowired
    public ExpiredRowsPurge(JdbcTemplate jdbc, @Value("${orrery.purge.retention:P1D}") Duration retention) {
        this(jdbc, retention, 1000);
    }

    ExpiredRowsPurge(JdbcTemplate jdbc, Duration retention, int batchSize) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("orrery.purge.retention must not be negative");
        }
        this.jdbc = jdbc;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${orrery.purge.interval:PT10M}", fixedDelayString = "${orrery.purge.interval:PT10M}")
    void purgeOnSchedule() {
        Purged purged = purge(Instant.now());
        if (purged.tokens() + purged.authorizations() + purged.clientSecrets() > 0) {
            log.info("Purged {} expired codes and tokens, {} expired authorizations and {} ended client secrets",
                    purged.tokens(), purged.authorizations(), purged.clientSecrets());
        }
    }

    /** Purges what expired before {@code now} minus the retention; returns the counts. */
    public Purged purge(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(this.retention));
        int tokens = inBatches("DELETE FROM oauth_token WHERE token_hash IN (SELECT token_hash FROM oauth_token"
                + " WHERE expires_at < ? FETCH FIRST " + this.batchSize + " ROWS ONLY)", cutoff);
        int authorizations = inBatches("DELETE FROM oauth_authorization WHERE id IN (SELECT a.id"
                + " FROM oauth_authorization a WHERE a.expires_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM oauth_token t WHERE t.authorization_id = a.id)"
                + " FETCH FIRST " + this.batchSize + " ROWS ONLY)", cutoff);
        int clientSecrets = inBatches("DELETE FROM api_client_secret WHERE secret_hash IN (SELECT secret_hash"
                + " FROM api_client_secret WHERE expires_at < ? FETCH FIRST " + this.batchSize + " ROWS ONLY)", cutoff);
        return new Purged(tokens, authorizations, clientSecrets);
    }

    private int inBatches(String delete, Timestamp cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = this.jdbc.update(delete, cutoff);
            total += deleted;
        }
        while (deleted >= this.batchSize);
        return total;
    }
}
