package org.orrery.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs (purge, key rotation, senders) run in the server only, never in a command-line run. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orrery.command-line", havingValue = "false", matchIfMissing = true)
@EnableScheduling
class ServerScheduling {
}
