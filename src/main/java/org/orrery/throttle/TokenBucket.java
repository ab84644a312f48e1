package org.orrery.throttle;

/**
 * A token bucket: holds at most {@code burst} tokens, gains {@code perSecond} tokens a second, and each request
 * takes one. Times are {@link System#nanoTime()} values, passed in.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;

    private final double perNano;

    private double tokens;

    private long updatedAt;

    TokenBucket(RateLimit limit, long now) {
        this.capacity = limit.burst();
        this.perNano = limit.perSecond() / NANOS_PER_SECOND;
        this.tokens = this.capacity;
        this.updatedAt = now;
    }

    /** Takes a token; returns 0 when there was one, else the nanoseconds until there will be one. */
    synchronized long take(long now) {
        refill(now);
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - this.tokens) / this.perNano));
    }

    /** Whether the bucket is full again: forgetting it then changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return this.tokens >= this.capacity;
    }

    private void refill(long now) {
        long elapsed = now - this.updatedAt;
        if (elapsed > 0) {
            this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perNano);
            this.updatedAt = now;
        }
    }
}
