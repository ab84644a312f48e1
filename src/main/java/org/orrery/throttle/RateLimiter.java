package org.orrery.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.orrery.clients.ClientType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets per caller: a client by its id, an anonymous caller by its source address. Each node keeps its
 * own buckets in memory, so behind a balancer spreading load over N nodes a caller may reach N times the
 * configured rate; a shared store would cost a database write per API request, which is the very load the limit
 * is there to shed. Once there are many buckets, those that have filled up again are forgotten, at most once a
 * second.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    private static final int FORGET_ABOVE = 10_000;

    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    private final boolean enabled;

    private final RateLimit anonymous;

    private final RateLimit member;

    public RateLimiter(RateLimitProperties properties) {
        this.enabled = properties.enabled();
        this.anonymous = properties.publicLimit();
        this.member = properties.memberLimit();
    }

    /** What happened to one request. */
    public record Admission(boolean admitted, long retryAfterSeconds, RateLimit limit) {
    }

    /**
     * Admits or refuses one request of a caller.
     *
     * @param key who calls, in a namespace of the caller's choosing ({@code api:client:APP-...})
     * @param clientType the client's type, or null for an anonymous caller
     */
    public Admission admit(String key, ClientType clientType) {
        RateLimit limit = clientType == ClientType.MEMBER || clientType == ClientType.PREMIUM_MEMBER ? this.member
                : this.anonymous;
        if (!this.enabled) {
            return new Admission(true, 0, limit);
        }
        long now = System.nanoTime();
        long swept = this.lastSweep.get();
        if (this.buckets.size() > FORGET_ABOVE && now - swept > SWEEP_EVERY_NANOS
                && this.lastSweep.compareAndSet(swept, now)) {
            this.buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long wait = this.buckets.computeIfAbsent(key + "|" + clientType, k -> new TokenBucket(limit, now)).take(now);
        if (wait != 0) { // in memory; read at /actuator/prometheus (org.orrery.metrics)
            io.micrometer.core.instrument.Metrics.counter("orrery.refusals", "kind", "rate-limit",
                    "endpoint", key.startsWith("token:") ? "token" : "api").increment();
        }
        return new Admission(wait == 0, (wait + 999_999_999L) / 1_000_000_000L, limit);
    }
}
