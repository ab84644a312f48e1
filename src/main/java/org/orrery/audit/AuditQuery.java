package org.orrery.audit;

import java.time.Instant;

/**
 * What an operator asks of the audit trail; null criteria match everything.
 *
 * @param limit the most events returned, between 1 and {@value #MAX_LIMIT}
 */
public record AuditQuery(String orcid, String clientId, AuditEventType type, Instant since, Instant until,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
