package org.orrery.oauth;

import java.sql.Timestamp;
import java.time.Instant;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;

/**
 * Records each approval as the researcher's grant to the client (one row per researcher and client: a
 * "trusted organization"). It reports no stored consent back to the authorization server, so that denying a
 * new request never silently withdraws an earlier grant; whether the consent screen may be skipped is decided
 * from the grant rows directly. Every approval goes on the audit trail.
 */
@Component
public class GrantConsentService implements OAuth2AuthorizationConsentService {

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    public GrantConsentService(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        String scopes = String.join(" ", consent.getScopes());
        Timestamp now = Timestamp.from(Instant.now());
        String update = "UPDATE oauth_grant SET scopes = ?, granted_at = ? WHERE orcid = ? AND client_id = ?";
        int updated = this.jdbc.update(update, scopes, now, consent.getPrincipalName(), consent.getRegisteredClientId());
        if (updated == 0) {
            try {
                this.jdbc.update("INSERT INTO oauth_grant (client_id, orcid, scopes, granted_at) VALUES (?, ?, ?, ?)",
                        consent.getRegisteredClientId(), consent.getPrincipalName(), scopes, now);
            }
            catch (DuplicateKeyException concurrentApproval) {
                // Another approval of the same client by the same researcher inserted the row first.
                this.jdbc.update(update, scopes, now, consent.getPrincipalName(), consent.getRegisteredClientId());
            }
        }
        this.audit.record(AuditEventType.ACCESS_GRANTED, consent.getPrincipalName(), consent.getRegisteredClientId(),
                SandboxConsent.isGiven() ? SandboxConsent.AUDIT_REASON : null, scopes);
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        // Grants are withdrawn only by the researcher (trusted organizations), never by a denied request.
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
