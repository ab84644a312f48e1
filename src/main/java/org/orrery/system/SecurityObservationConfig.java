package org.orrery.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security runs without its own observations. With Actuator on the class path it would otherwise wrap
 * every filter of every chain in an observation: about a twentieth of a token request's CPU in the bench's
 * profile, for spans nobody collects. Request metrics ({@code http.server.requests}) are unaffected.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
