package org.orrery.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether this registry is a sandbox ({@code orrery.sandbox.enabled}): on by default on the embedded H2, off by
 * default on any other database, and announced with a warning when turned on for one. Everything under
 * {@code /sandbox/**} exists only in a sandbox.
 */
@Component
public class SandboxMode {

    private static final Logger log = LoggerFactory.getLogger(SandboxMode.class);

    private final boolean enabled;

    public SandboxMode(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean embedded = url.startsWith("jdbc:h2:");
        Boolean configured = environment.getProperty("orrery.sandbox.enabled", Boolean.class);
        this.enabled = configured != null ? configured : embedded;
        if (this.enabled && !embedded) {
            log.warn("Sandbox mode is on (orrery.sandbox.enabled=true) on a database other than the embedded H2:"
                    + " /sandbox/** is served and mail may be shown there instead of sent. Never use this for a"
                    + " registry of real researchers.");
        }
    }

    public boolean enabled() {
        return this.enabled;
    }
}
