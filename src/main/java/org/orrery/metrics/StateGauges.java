package org.orrery.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauges computed when scraped, never per request: records by state, clients by state and the mail outbox by
 * status (its depth: PENDING). Each family is one grouped query, kept for {@value #KEEP_SECONDS} seconds so a scrape
 * reading several gauges queries once.
 */
final class StateGauges implements MeterBinder {

    static final int KEEP_SECONDS = 5;

    private final JdbcTemplate jdbc;

    private final Snapshot records;

    private final Snapshot clients;

    private final Snapshot outbox;

    StateGauges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.records = new Snapshot(() -> grouped("SELECT record_state AS k, COUNT(*) AS n FROM researcher GROUP BY record_state"));
        this.clients = new Snapshot(() -> grouped("SELECT client_state AS k, COUNT(*) AS n FROM api_client GROUP BY client_state"));
        this.outbox = new Snapshot(() -> grouped("SELECT status AS k, COUNT(*) AS n FROM mail_outbox GROUP BY status"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : new String[] { "ACTIVE", "LOCKED", "DEACTIVATED", "DEPRECATED" }) {
            Gauge.builder("orrery.records", this.records, snapshot -> snapshot.get(state))
                .tag("state", state).description("Researchers' records by state").register(registry);
        }
        for (String state : new String[] { "ACTIVE", "LOCKED", "DEACTIVATED" }) {
            Gauge.builder("orrery.clients", this.clients, snapshot -> snapshot.get(state))
                .tag("state", state).description("API clients by state").register(registry);
        }
        for (String status : new String[] { "PENDING", "SENT", "FAILED" }) {
            Gauge.builder("orrery.mail.outbox", this.outbox, snapshot -> snapshot.get(status))
                .tag("status", status).description("Mail outbox messages by status (depth: PENDING)").register(registry);
        }
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        this.jdbc.query(sql, rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        });
        return counts;
    }

    /** One grouped query's answer, reloaded at most every few seconds; NaN when the database cannot answer. */
    private static final class Snapshot {

        private final Supplier<Map<String, Long>> loader;

        private Map<String, Long> counts;

        private Instant loadedAt = Instant.EPOCH;

        Snapshot(Supplier<Map<String, Long>> loader) {
            this.loader = loader;
        }

        synchronized double get(String key) {
            Instant now = Instant.now();
            if (this.counts == null || Duration.between(this.loadedAt, now).getSeconds() >= KEEP_SECONDS) {
                try {
                    this.counts = this.loader.get();
                }
                catch (RuntimeException ex) {
                    return Double.NaN;
                }
                this.loadedAt = now;
            }
            return this.counts.getOrDefault(key, 0L);
        }
    }
}
