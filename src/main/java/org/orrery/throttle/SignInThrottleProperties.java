package org.orrery.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in attempts are throttled ({@code orrery.sign-in-throttle.*}). Failures for one key count while each
 * comes within {@code window} of the previous one. The first {@code free-failures} cost nothing; each further
 * failure blocks the key for {@code first-delay}, then twice that, and so on, never longer than the key's
 * maximum. A block refuses every attempt for the key, right password or not, without checking it.
 *
 * @param window how long a quiet key keeps its count of failures
 * @param firstDelay the block after the first failure past the free ones
 * @param accountFreeFailures failures an account (or a typed user id) may have before blocks begin
 * @param accountMaxDelay the longest block of an account: the most an attacker can make the real researcher wait
 * @param addressFreeFailures failures a source address may have, over all accounts, before blocks begin
 * @param addressMaxDelay the longest block of an address
 */
@ConfigurationProperties("orrery.sign-in-throttle")
public record SignInThrottleProperties(Duration window, Duration firstDelay, Integer accountFreeFailures,
        Duration accountMaxDelay, Integer addressFreeFailures, Duration addressMaxDelay) {

    public SignInThrottleProperties {
        window = window == null ? Duration.ofMinutes(15) : window;
        firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
        accountFreeFailures = accountFreeFailures == null ? 5 : accountFreeFailures;
        accountMaxDelay = accountMaxDelay == null ? Duration.ofMinutes(1) : accountMaxDelay;
        addressFreeFailures = addressFreeFailures == null ? 20 : addressFreeFailures;
        addressMaxDelay = addressMaxDelay == null ? Duration.ofMinutes(5) : addressMaxDelay;
        if (accountFreeFailures < 1 || addressFreeFailures < 1) {
            throw new IllegalArgumentException("orrery.sign-in-throttle free failures must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || firstDelay.compareTo(accountMaxDelay) > 0
                || firstDelay.compareTo(addressMaxDelay) > 0) {
            throw new IllegalArgumentException(
                    "orrery.sign-in-throttle.first-delay must be positive and at most each max-delay");
        }
        if (accountMaxDelay.compareTo(window) > 0 || addressMaxDelay.compareTo(window) > 0) {
            throw new IllegalArgumentException("orrery.sign-in-throttle max delays must not exceed the window");
        }
    }
}
