package org.orrery.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail.
 *
 * @param operatorToken the bearer token that opens {@code GET /admin/audit-events} to an operator; when unset,
 *        that endpoint does not exist (404)
 */
@ConfigurationProperties("orrery.audit")
public record AuditProperties(String operatorToken) {

    public AuditProperties {
        if (operatorToken != null && operatorToken.isBlank()) {
            operatorToken = null;
        }
        if (operatorToken != null && operatorToken.length() < 16) {
            throw new IllegalArgumentException("orrery.audit.operator-token must be at least 16 characters");
        }
    }
}
