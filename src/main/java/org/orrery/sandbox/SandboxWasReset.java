package org.orrery.sandbox;

import java.time.Instant;

/**
 * Published after a sandbox reset committed, on the node that ran it: a feature that keeps state of its own
 * outside the database (an index, say) rebuilds it on hearing this.
 */
public record SandboxWasReset(Instant at) {
}
