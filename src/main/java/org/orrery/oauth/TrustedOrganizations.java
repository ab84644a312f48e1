package org.orrery.oauth;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private static final String LIVE_ACCESS_TOKEN = "EXISTS (SELECT 1 FROM oauth_token t WHERE t.authorization_id = a.id"
            + " AND t.token_kind = ? AND t.invalidated = FALSE AND t.expires_at > ?)";

    /** Sets of more scopes than this are matched by reading the stored sets rather than by spelling them all. */
    private static final int MAX_SPELLED = 4;

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
        List<String> spellings = spellings(requestedScopes);
        if (spellings.isEmpty()) {
            return rememberedByScan(orcid, clientId, requestedScopes);
        }
        // Every order the set can be stored in, so that one indexed probe stops at the first live match instead of
        // reading every authorization the researcher ever gave this client.
        String placeholders = String.join(", ", Collections.nCopies(spellings.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(orcid, clientId));
        args.addAll(spellings);
        args.add(HashedAuthorizationService.KIND_ACCESS);
        args.add(Timestamp.from(Instant.now()));
        Boolean found = this.jdbc.query("SELECT 1 FROM oauth_authorization a WHERE a.orcid = ? AND a.client_id = ?"
                + " AND a.authorized_scopes IN (" + placeholders + ") AND " + LIVE_ACCESS_TOKEN + " LIMIT 1",
                ResultSet::next, args.toArray());
        return Boolean.TRUE.equals(found);
    }

    /** The space-separated strings the set may be stored as (one per order), or none when there are too many. */
    static List<String> spellings(Set<String> scopes) {
        if (scopes.isEmpty() || scopes.size() > MAX_SPELLED) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        permute(new ArrayList<>(scopes), 0, result);
        return result;
    }

    private static void permute(List<String> scopes, int from, List<String> out) {
        if (from == scopes.size()) {
            out.add(String.join(" ", scopes));
            return;
        }
        for (int i = from; i < scopes.size(); i++) {
            Collections.swap(scopes, from, i);
            permute(scopes, from + 1, out);
            Collections.swap(scopes, from, i);
        }
    }

    private boolean rememberedByScan(String orcid, String clientId, Set<String> requestedScopes) {
        List<String> granted = this.jdbc.queryForList("SELECT DISTINCT a.authorized_scopes FROM oauth_authorization a"
                + " WHERE a.orcid = ? AND a.client_id = ? AND " + LIVE_ACCESS_TOKEN, String.class, orcid, clientId,
                HashedAuthorizationService.KIND_ACCESS, Timestamp.from(Instant.now()));
        for (String scopes : granted) {
            if (Scopes.split(scopes).equals(requestedScopes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The organizations that hold working access to the researcher's record, by client name: those with a live
     * access token (the rule {@link #remembers} applies), each with the union of the scopes of its working
     * authorizations and the day the earliest of them was granted. An organization whose every token was revoked
     * (by the researcher, by {@code /oauth/revoke}, or because a code or refresh token was reused) or has expired
     * is not listed, and the next authorization asks for consent again.
     */
    public List<Grant> of(String orcid) {
        Map<String, Grant> grants = new LinkedHashMap<>();
        this.jdbc.query("SELECT a.client_id, a.authorized_scopes, a.created_at, c.name, c.website"
                + " FROM oauth_authorization a JOIN api_client c ON c.client_id = a.client_id"
                + " WHERE a.orcid = ? AND " + LIVE_ACCESS_TOKEN + " ORDER BY c.name, a.client_id, a.created_at",
                (ResultSet rs) -> {
                    String clientId = rs.getString("client_id");
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Set<String> scopes = new LinkedHashSet<>(Scopes.split(rs.getString("authorized_scopes")));
                    Grant known = grants.get(clientId);
                    if (known != null) {
                        Set<String> union = new LinkedHashSet<>(known.scopes());
                        union.addAll(scopes);
                        scopes = union;
                        created = known.grantedAt().isBefore(created) ? known.grantedAt() : created;
                    }
                    grants.put(clientId, new Grant(clientId, rs.getString("name"), rs.getString("website"),
                            Collections.unmodifiableSet(scopes), created));
                }, orcid, HashedAuthorizationService.KIND_ACCESS, Timestamp.from(Instant.now()));
        return List.copyOf(grants.values());
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
