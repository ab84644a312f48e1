package org.orrery.accounts;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the accounts tables from growing for ever: mailed links issued more than {@code orrery.accounts.link-retention}
 * ago (90 days; a verification link older than that reads as unknown, and a new one can be sent) and request-throttle
 * windows older than a day. Every node runs it every {@code orrery.purge.interval}; concurrent runs delete the same rows.
 */
@Component
class AccountsPurge {

    private final AccountTokens tokens;

    private final RequestThrottle throttle;

    private final Duration retention;

    AccountsPurge(AccountTokens tokens, RequestThrottle throttle,
            @Value("${orrery.accounts.link-retention:P90D}") Duration retention) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${orrery.purge.interval:PT10M}", fixedDelayString = "${orrery.purge.interval:PT10M}")
    void purge() {
        Instant now = Instant.now();
        this.tokens.purgeIssuedBefore(now.minus(this.retention));
        this.throttle.purgeStartedBefore(now.minus(Duration.ofDays(1)));
    }
}
