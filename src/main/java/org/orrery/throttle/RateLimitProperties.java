package org.orrery.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of the token endpoint and the API ({@code orrery.rate-limit.*}), by default ORCID's: public clients
 * and anonymous callers 12 requests a second with bursts of 40, member clients 24 with bursts of 40.
 *
 * @param enabled false turns every rate limit off (a sandbox on a laptop, say)
 * @param publicClient the limit of a public client, and of each source address calling without a token
 * @param member the limit of a member client
 */
@ConfigurationProperties("orrery.rate-limit")
public record RateLimitProperties(Boolean enabled, Limit publicClient, Limit member) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        publicClient = publicClient == null ? new Limit(null, null) : publicClient;
        member = member == null ? new Limit(null, null) : member;
    }

    /** A limit as configured; an unset field takes ORCID's value. */
    public record Limit(Double perSecond, Integer burst) {
    }

    RateLimit publicLimit() {
        return new RateLimit(this.publicClient.perSecond() == null ? 12 : this.publicClient.perSecond(),
                this.publicClient.burst() == null ? 40 : this.publicClient.burst());
    }

    RateLimit memberLimit() {
        return new RateLimit(this.member.perSecond() == null ? 24 : this.member.perSecond(),
                this.member.burst() == null ? 40 : this.member.burst());
    }
}
