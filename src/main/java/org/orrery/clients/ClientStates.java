package org.orrery.clients;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A client's state and operator-granted extra scopes ({@code api_client.client_state}, {@code extra_scopes}).
 * The state is always read from the database, never from a node's cache, so that a lock or deactivation made
 * through any node holds on every node at once.
 */
@Repository
public class ClientStates {

    private final JdbcTemplate jdbc;

    public ClientStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's state as stored now; empty for an unknown client. */
    public Optional<ClientState> stateOf(String clientId) {
        if (clientId == null || !ClientRegistration.CLIENT_ID.matcher(clientId).matches()) {
            return Optional.empty();
        }
        return this.jdbc.queryForList("SELECT client_state FROM api_client WHERE client_id = ?", String.class, clientId)
            .stream()
            .findFirst()
            .map(ClientState::valueOf);
    }

    /** Sets the state; false when there is no such client. */
    public boolean setState(String clientId, ClientState state) {
        return this.jdbc.update("UPDATE api_client SET client_state = ? WHERE client_id = ?", state.name(),
                clientId) == 1;
    }

    /** The scopes granted to this client beyond its type's. */
    public Set<String> extraScopes(String clientId) {
        List<String> rows = this.jdbc.queryForList("SELECT extra_scopes FROM api_client WHERE client_id = ?",
                String.class, clientId);
        return rows.isEmpty() || rows.get(0) == null ? Set.of() : Scopes.split(rows.get(0));
    }

    public void setExtraScopes(String clientId, Set<String> scopes) {
        this.jdbc.update("UPDATE api_client SET extra_scopes = ? WHERE client_id = ?",
                scopes.isEmpty() ? null : String.join(" ", scopes), clientId);
    }

    /** How many clients are in each state (for metrics: one grouped query per scrape). */
    public Map<ClientState, Long> countByState() {
        Map<ClientState, Long> counts = new EnumMap<>(ClientState.class);
        for (ClientState state : ClientState.values()) {
            counts.put(state, 0L);
        }
        this.jdbc.query("SELECT client_state, COUNT(*) AS n FROM api_client GROUP BY client_state",
                rs -> {
                    counts.put(ClientState.valueOf(rs.getString("client_state")), rs.getLong("n"));
                });
        return counts;
    }
}
