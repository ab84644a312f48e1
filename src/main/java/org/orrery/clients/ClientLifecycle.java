package org.orrery.clients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.clients.ClientLifecycleException.Reason;
import org.orrery.clients.ClientRegistration.Application;
import org.orrery.clients.ClientRegistration.Registered;
import org.orrery.clients.ClientRegistration.SecretReset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's actions on API clients, from the console or the command line: create, edit, reset the secret,
 * lock, deactivate, reactivate and revoke every token. Each action is on the audit trail with who did it
 * ({@code actor}, e.g. {@code operator 0000-0002-1825-0097} or {@code command line}).
 * <p>
 * Locking and deactivating do not revoke tokens: the client's state is checked on every use, so its tokens are
 * refused while it is not active and work again after a reactivation. Revoking them is a separate action.
 */
@Service
public class ClientLifecycle {

    /** Scopes ORCID grants per client rather than per type. */
    public static final Set<String> GRANTABLE_EXTRA_SCOPES = Set.of(Scopes.WEBHOOK, Scopes.PREMIUM_NOTIFICATION,
            Scopes.EMAIL_READ_PRIVATE);

    private final ClientRegistration registration;

    private final ClientRepository clients;

    private final ClientStates states;

    private final AuditTrail audit;

    private final JdbcTemplate jdbc;

    public ClientLifecycle(ClientRegistration registration, ClientRepository clients, ClientStates states,
            AuditTrail audit, JdbcTemplate jdbc) {
        this.registration = registration;
        this.clients = clients;
        this.states = states;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A client with its state and extra scopes, as the console shows it. */
    public record ClientView(ApiClient client, ClientState state, Set<String> extraScopes) {
    }

    public ClientView find(String clientId) {
        ApiClient client = this.clients.findById(clientId)
            .orElseThrow(() -> new ClientLifecycleException(Reason.UNKNOWN_CLIENT, "There is no client " + clientId));
        return new ClientView(client, this.states.stateOf(clientId).orElse(ClientState.ACTIVE),
                this.states.extraScopes(clientId));
    }

    /** Every client, newest first (at most {@code limit}). */
    public List<ClientView> list(int limit) {
        List<String> ids = this.jdbc.queryForList(
                "SELECT client_id FROM api_client ORDER BY created_at DESC, client_id LIMIT " + Math.max(1, limit),
                String.class);
        return ids.stream().map(this::find).toList();
    }

    /** Registers a client that no researcher owns; the secret in the answer is shown once. */
    @Transactional
    public Registered create(Application application, Set<String> extraScopes, String actor) {
        check(application, extraScopes);
        Registered registered = this.registration.register(application, null);
        String clientId = registered.client().clientId();
        this.states.setExtraScopes(clientId, extraScopes);
        this.audit.record(AuditEventType.CLIENT_CREATED, null, clientId, null, "by " + actor);
        return registered;
    }

    /** Changes a client's name, description, website, type, redirect URIs, their matching and its extra scopes. */
    @Transactional
    public ClientView edit(String clientId, Application application, Set<String> extraScopes, String actor) {
        ApiClient existing = find(clientId).client();
        check(application, extraScopes);
        this.registration.upsert(clientId, application, null);
        this.states.setExtraScopes(clientId, extraScopes);
        this.clients.touch();
        this.audit.record(AuditEventType.CLIENT_UPDATED, existing.ownerOrcid(), clientId, null, "by " + actor);
        return find(clientId);
    }

    @Transactional
    public SecretReset resetSecret(String clientId, String actor) {
        ApiClient client = find(clientId).client();
        SecretReset reset = this.registration.resetSecret(clientId);
        this.audit.record(AuditEventType.CLIENT_SECRET_RESET, client.ownerOrcid(), clientId, null, "by " + actor);
        return reset;
    }

    @Transactional
    public void lock(String clientId, String actor) {
        change(clientId, ClientState.LOCKED, AuditEventType.CLIENT_LOCKED, actor);
    }

    @Transactional
    public void deactivate(String clientId, String actor) {
        change(clientId, ClientState.DEACTIVATED, AuditEventType.CLIENT_DEACTIVATED, actor);
    }

    @Transactional
    public void reactivate(String clientId, String actor) {
        change(clientId, ClientState.ACTIVE, AuditEventType.CLIENT_REACTIVATED, actor);
    }

    /** Revokes every working token and code of the client and forgets every grant to it; answers how many. */
    @Transactional
    public int revokeTokens(String clientId, String actor) {
        ApiClient client = find(clientId).client();
        int revoked = this.jdbc.update("UPDATE oauth_token SET invalidated = TRUE, revoke_reason = 'STAFF_REVOKED',"
                + " revoked_at = ? WHERE invalidated = FALSE AND authorization_id IN"
                + " (SELECT id FROM oauth_authorization WHERE client_id = ?)", Timestamp.from(Instant.now()), clientId);
        this.jdbc.update("DELETE FROM oauth_grant WHERE client_id = ?", clientId);
        this.audit.record(AuditEventType.CLIENT_TOKENS_REVOKED, client.ownerOrcid(), clientId, "STAFF_REVOKED",
                revoked + " tokens, by " + actor);
        return revoked;
    }

    private void change(String clientId, ClientState state, AuditEventType event, String actor) {
        ClientView view = find(clientId);
        if (view.state() == state) {
            throw new ClientLifecycleException(Reason.ALREADY_IN_STATE,
                    "The client " + clientId + " is already " + state.name().toLowerCase());
        }
        this.states.setState(clientId, state);
        this.clients.touch();
        this.audit.record(event, view.client().ownerOrcid(), clientId, state.name(),
                "was " + view.state().name() + ", by " + actor);
    }

    private void check(Application application, Set<String> extraScopes) {
        var errors = this.registration.validate(application);
        if (application.type() == null) {
            errors.put("type", "The type must be public, member or premium-member.");
        }
        if (!errors.isEmpty()) {
            throw new ClientLifecycleException(Reason.INVALID, errors.values().iterator().next());
        }
        Set<String> unknown = new LinkedHashSet<>(extraScopes);
        unknown.removeAll(GRANTABLE_EXTRA_SCOPES);
        if (!unknown.isEmpty()) {
            throw new ClientLifecycleException(Reason.INVALID, "Scope " + unknown.iterator().next()
                    + " cannot be granted to a client; grantable: /webhook, /premium-notification, /email/read-private");
        }
        if (!extraScopes.isEmpty() && application.type() == ClientType.PUBLIC) {
            throw new ClientLifecycleException(Reason.INVALID, "A public client cannot be granted extra scopes.");
        }
    }
}
