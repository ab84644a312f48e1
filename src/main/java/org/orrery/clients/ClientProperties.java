package org.orrery.clients;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API clients.
 *
 * @param secretGracePeriod how long a client's previous secrets keep working after its secret is reset, so that an
 *        integration can be given the new secret without an interruption ({@code orrery.clients.secret-grace-period},
 *        24 hours by default; zero ends them at once)
 */
@ConfigurationProperties("orrery.clients")
public record ClientProperties(@DefaultValue("24h") Duration secretGracePeriod) {

    public ClientProperties {
        if (secretGracePeriod.isNegative()) {
            throw new IllegalArgumentException("orrery.clients.secret-grace-period must not be negative");
        }
    }
}
