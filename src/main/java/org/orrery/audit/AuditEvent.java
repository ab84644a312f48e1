package org.orrery.audit;

import java.time.Instant;

/**
 * One row of the audit trail.
 *
 * @param id the row's number: increases with time on one database, so it orders events of the same instant
 * @param occurredAt when (UTC)
 * @param type what happened
 * @param orcid the researcher concerned, if any
 * @param clientId the API client concerned, if any
 * @param clientName that client's name, when it still exists
 * @param address the source address of the request that caused it, if it came from one
 * @param reason why (a revocation's reason, say), if there is one
 * @param detail particulars, such as the scopes of a token
 */
public record AuditEvent(long id, Instant occurredAt, AuditEventType type, String orcid, String clientId,
        String clientName, String address, String reason, String detail) {
}
