package org.orrery.throttle;

/**
 * A sustained rate and the burst allowed above it.
 *
 * @param perSecond requests a second, on average (may be fractional)
 * @param burst requests that may come at once after a quiet spell
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
    }

    /** "24 requests per second with bursts of 40". */
    public String describe() {
        String rate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
        return rate + " requests per second with bursts of " + burst;
    }
}
