package org.orrery.oauth;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rotates the ID-token signing key on schedule ({@code orrery.signing-key.rotation-interval}, default 90 days;
 * 0 turns it off): the new key is published at once and signs one hour later, so clients that cache the JWK set
 * pick it up first; the old key stays published for 25 hours after that, longer than any ID token it signed.
 */
@Component
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeys keys;

    private final Duration interval;

    SigningKeyRotation(SigningKeys keys, @Value("${orrery.signing-key.rotation-interval:90d}") Duration interval) {
        this.keys = keys;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${orrery.signing-key.check-interval:PT1H}", initialDelayString = "PT1M")
    void rotateWhenDue() {
        if (this.interval.isZero() || this.interval.isNegative()) {
            return;
        }
        Instant newest = this.keys.newestCreatedAt();
        if (newest == null) {
            // A fresh registry: its first key must sign at once, not in an hour.
            this.keys.signing();
            return;
        }
        if (newest.plus(this.interval).isBefore(Instant.now())) {
            String kid = this.keys.rotate(Instant.now().plus(SigningKeys.PUBLISH_BEFORE_USE));
            log.info("Published signing key {}; it signs from {}", kid, Instant.now().plus(SigningKeys.PUBLISH_BEFORE_USE));
        }
    }
}
