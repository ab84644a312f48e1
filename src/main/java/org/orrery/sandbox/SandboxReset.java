package org.orrery.sandbox;

import java.time.Duration;
import java.time.Instant;

import org.orrery.clients.ClientRepository;
import org.orrery.system.SandboxMode;
import org.orrery.system.SandboxSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns the database to exactly what the seed file (and the demo seed) describes, in one transaction: every
 * row of every application table is deleted ({@link TableWiper}) and the seed applied again, with the iDs, client
 * ids, secrets and put-codes the server chose for it coming back as they were. Runs alone on this node
 * ({@link ResetGate}). Every reseeded record's version ends above any version any record had before, so that no
 * answer kept for a version from before the reset is ever served again, on any node.
 */
@Configuration
class SandboxReset {

    private static final Logger log = LoggerFactory.getLogger(SandboxReset.class);

    /** How long a reset waits for the requests in flight on this node. */
    static final Duration WAIT_FOR_REQUESTS = Duration.ofSeconds(30);

    private final SandboxSeeder seeder;

    private final TableWiper wiper;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final ClientRepository clients;

    private final ApplicationEventPublisher events;

    private final ResetGate gate;

    SandboxReset(SandboxSeeder seeder, JdbcTemplate jdbc, TransactionTemplate transactions,
            ClientRepository clients, ApplicationEventPublisher events, SandboxMode sandbox) {
        this.seeder = seeder;
        this.wiper = new TableWiper(jdbc);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clients = clients;
        this.events = events;
        this.gate = new ResetGate(sandbox);
    }

    @Bean
    FilterRegistrationBean<ResetGate> sandboxResetGate() {
        var registration = new FilterRegistrationBean<>(this.gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** What a reset did. */
    record Outcome(boolean done, long tookMillis, int tables) {
    }

    /** Resets; not done when the requests in flight did not finish within {@link #WAIT_FOR_REQUESTS}. */
    Outcome reset() throws InterruptedException {
        long start = System.nanoTime();
        int[] tables = { 0 };
        boolean done = this.gate.alone(WAIT_FOR_REQUESTS.toMillis(), () -> {
            try {
                tables[0] = resetOnce();
            }
            catch (PessimisticLockingFailureException ex) {
                // A scheduled job (purge, mail) held rows the reset needed: once more, now that it gave way.
                tables[0] = resetOnce();
            }
        });
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (done) {
            this.events.publishEvent(new SandboxWasReset(Instant.now()));
            log.info("Sandbox reset to the seed in {} ms ({} tables emptied)", took, tables[0]);
        }
        return new Outcome(done, took, tables[0]);
    }

    private int resetOnce() {
        long[] at = new long[4];
        Integer emptied = this.transactions.execute(status -> {
            at[0] = System.nanoTime();
            SandboxSeeder.Snapshot snapshot = this.seeder.snapshot();
            Long highest = this.jdbc.queryForObject("SELECT COALESCE(MAX(record_version), 0) FROM researcher",
                    Long.class);
            at[1] = System.nanoTime();
            int count = this.wiper.wipe();
            this.clients.touch();
            at[2] = System.nanoTime();
            this.seeder.reapply(snapshot);
            this.jdbc.update("UPDATE researcher SET record_version = record_version + ?", highest + 1);
            at[3] = System.nanoTime();
            return count;
        });
        log.debug("Sandbox reset: snapshot {} ms, emptying {} ms, seeding {} ms, commit {} ms",
                (at[1] - at[0]) / 1_000_000, (at[2] - at[1]) / 1_000_000, (at[3] - at[2]) / 1_000_000,
                (System.nanoTime() - at[3]) / 1_000_000);
        return emptied == null ? 0 : emptied;
    }
}
