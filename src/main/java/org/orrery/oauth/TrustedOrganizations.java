package org.orrery.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.clients.Scopes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A researcher's grants to clients ("trusted organizations"): which are remembered, which are listed, and
 * revoking one, which disables every token of that client for that researcher at once.
 */
@Service
public class TrustedOrganizations {

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    public TrustedOrganizations(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One client with access to the researcher's record. */
    public record Grant(String clientId, String clientName, String clientWebsite, Set<String> scopes,
            Instant grantedAt) {
    }

    /**
     * ORCID's auto-approve rule: the researcher still holds a working token for this client whose scope set is
     * exactly the requested one (a subset or a superset does not count).
     */
    public boolean remembers(String orcid, String clientId, Set<String> requestedScopes) {
        List<String> granted = this.jdbc.queryForList("SELECT a.authorized_scopes FROM oauth_authorization a"
                + " WHERE a.orcid = ? AND a.client_id = ? AND EXISTS (SELECT 1 FROM oauth_token t"
                + " WHERE t.authorization_id = a.id AND t.token_kind = ? AND t.invalidated = FALSE AND t.expires_at > ?)",
                String.class, orcid, clientId, HashedAuthorizationService.KIND_ACCESS, Timestamp.from(Instant.now()));
        for (String scopes : granted) {
            if (Scopes.split(scopes).equals(requestedScopes)) {
                return true;
            }
        }
        return false;
    }

    /** The researcher's grants, by client name. */
    public List<Grant> of(String orcid) {
        return this.jdbc.query("SELECT g.client_id, g.scopes, g.granted_at, c.name, c.website FROM oauth_grant g"
                + " JOIN api_client c ON c.client_id = g.client_id WHERE g.orcid = ? ORDER BY c.name",
                (rs, row) -> new Grant(rs.getString("client_id"), rs.getString("name"), rs.getString("website"),
                        Scopes.split(rs.getString("scopes")), rs.getTimestamp("granted_at").toInstant()),
                orcid);
    }

    /** Revokes every token the client holds for the researcher and forgets the grant. */
    @Transactional
    public void revoke(String orcid, String clientId) {
        if (clientId == null || !org.orrery.clients.ClientRegistration.CLIENT_ID.matcher(clientId).matches()) {
            return;
        }
        int revoked = this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = ?, revoked_at = ?"
                + " WHERE invalidated = FALSE AND authorization_id IN"
                + " (SELECT id FROM oauth_authorization WHERE orcid = ? AND client_id = ?)",
                RevokeReason.USER_REVOKED.name(), Timestamp.from(Instant.now()), orcid, clientId);
        int forgotten = this.jdbc.update("DELETE FROM oauth_grant WHERE orcid = ? AND client_id = ?", orcid, clientId);
        if (revoked + forgotten > 0) {
            this.audit.record(AuditEventType.TOKEN_REVOKED, orcid, clientId, RevokeReason.USER_REVOKED.name(), null);
        }
    }

}
