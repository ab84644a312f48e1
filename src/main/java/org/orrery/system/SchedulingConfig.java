package org.orrery.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduled jobs: the purge of expired rows, Spring Session's clean-up of expired sessions. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
