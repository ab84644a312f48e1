package org.orrery.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Orrery sends mail ({@code orrery.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 * A message whose sending fails is tried again after {@code first-retry-delay}, then twice that each time, never
 * more than {@code max-retry-delay} apart, until it is {@code give-up-after} old: then it is FAILED and kept for an
 * operator. The defaults (1 minute doubling to 1 hour, for 25 hours) try about 30 times over more than a day.
 *
 * @param from the sender address of every message
 * @param fromName the sender's display name
 * @param pollInterval how often each node looks for due messages
 * @param claimLease how long a node may take to send a message it claimed before another node may claim it
 * @param batchSize the most messages a node claims at once
 * @param firstRetryDelay the wait after the first failed attempt
 * @param maxRetryDelay the longest wait between attempts
 * @param giveUpAfter the age of a message after which a failed attempt makes it FAILED
 */
@ConfigurationProperties("orrery.mail")
public record MailDeliveryProperties(String from, String fromName, Duration pollInterval, Duration claimLease,
        Integer batchSize, Duration firstRetryDelay, Duration maxRetryDelay, Duration giveUpAfter) {

    public MailDeliveryProperties {
        from = from == null || from.isBlank() ? "no-reply@orrery.invalid" : from.trim();
        fromName = fromName == null || fromName.isBlank() ? "Orrery" : fromName.trim();
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        batchSize = batchSize == null ? 20 : batchSize;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(25) : giveUpAfter;
        if (batchSize < 1 || !isPositive(pollInterval) || !isPositive(claimLease) || !isPositive(firstRetryDelay)
                || firstRetryDelay.compareTo(maxRetryDelay) > 0 || !isPositive(giveUpAfter)) {
            throw new IllegalArgumentException("orrery.mail: batch-size, poll-interval, claim-lease, retry delays and"
                    + " give-up-after must be positive, and first-retry-delay at most max-retry-delay");
        }
    }

    /** The wait after the given number of failed attempts (from 1): the first delay doubled, capped. */
    public Duration retryDelay(int failedAttempts) {
        Duration delay = this.firstRetryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(this.maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(this.maxRetryDelay) > 0 ? this.maxRetryDelay : delay;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
