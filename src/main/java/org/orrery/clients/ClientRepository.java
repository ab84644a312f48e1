package org.orrery.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API clients, their redirect URIs and their hashed secrets. Every change made through this repository bumps
 * {@link #changeCount()}, so that a cache of clients on this node can drop what it holds at once.
 */
@Repository
public class ClientRepository {

    private final JdbcTemplate jdbc;

    private final AtomicLong changes = new AtomicLong();

    public ClientRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiClient> findById(String clientId) {
        if (clientId == null || !ClientRegistration.CLIENT_ID.matcher(clientId).matches()) {
            return Optional.empty(); // nothing else was ever registered; and no odd bytes reach the database
        }
        return withRedirectUris(this.jdbc.query("SELECT * FROM api_client WHERE client_id = ?", this::map, clientId))
            .stream()
            .findFirst();
    }

    public List<ApiClient> findByOwner(String orcid) {
        return withRedirectUris(
                this.jdbc.query("SELECT * FROM api_client WHERE owner_orcid = ? ORDER BY created_at", this::map, orcid));
    }

    /** The id of a client that no researcher owns (seeded or operator-made) with this name. */
    public Optional<String> findUnownedByName(String name) {
        return this.jdbc.queryForList("SELECT client_id FROM api_client WHERE owner_orcid IS NULL AND name = ?"
                + " ORDER BY created_at", String.class, name).stream().findFirst();
    }

    /** How many changes this node has made to clients, redirect URIs or secrets since it started. */
    public long changeCount() {
        return this.changes.get();
    }

    /** Counts a change made elsewhere (a client's state or extra scopes), so this node's cache drops the client. */
    public void touch() {
        changed();
    }

    /** A secret that currently authenticates a client: its hash, and when it stops (null: never). */
    public record ActiveSecret(String hash, Instant expiresAt) {
    }

    /** The secrets that currently authenticate the client, newest first. */
    public List<ActiveSecret> activeSecrets(String clientId) {
        return this.jdbc.query(
                "SELECT secret_hash, expires_at FROM api_client_secret WHERE client_id = ?"
                        + " AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC",
                (rs, row) -> {
                    Timestamp expiresAt = rs.getTimestamp("expires_at");
                    return new ActiveSecret(rs.getString("secret_hash"),
                            expiresAt == null ? null : expiresAt.toInstant());
                }, clientId, Timestamp.from(Instant.now()));
    }

    /** Hashes of the secrets that currently authenticate the client. */
    public List<String> activeSecretHashes(String clientId) {
        return this.jdbc.queryForList(
                "SELECT secret_hash FROM api_client_secret WHERE client_id = ? AND (expires_at IS NULL OR expires_at > ?)"
                        + " ORDER BY created_at DESC",
                String.class, clientId, Timestamp.from(Instant.now()));
    }

    public void insert(ApiClient client) {
        changed();
        this.jdbc.update(
                "INSERT INTO api_client (client_id, client_type, name, description, website, redirect_uri_matching,"
                        + " owner_orcid, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                client.clientId(), client.type().name(), client.name(), client.description(), client.website(),
                client.redirectUriMatching().name(), client.ownerOrcid(), Timestamp.from(client.createdAt()));
        insertRedirectUris(client);
    }

    /**
     * Changes a client. Its name is the source name of every item it added, so the version of each record holding
     * such items goes up with it (as {@code RecordVersions} explains); run it inside a transaction.
     */
    public void update(ApiClient client) {
        changed();
        this.jdbc.update("UPDATE researcher SET record_version = record_version + 1 WHERE orcid IN"
                + " (SELECT orcid FROM record_item WHERE source_client_id = ?)", client.clientId());
        this.jdbc.update(
                "UPDATE api_client SET client_type = ?, name = ?, description = ?, website = ?,"
                        + " redirect_uri_matching = ? WHERE client_id = ?",
                client.type().name(), client.name(), client.description(), client.website(),
                client.redirectUriMatching().name(), client.clientId());
        this.jdbc.update("DELETE FROM api_client_redirect_uri WHERE client_id = ?", client.clientId());
        insertRedirectUris(client);
    }

    public void addSecretHash(String clientId, String secretHash) {
        changed();
        this.jdbc.update("INSERT INTO api_client_secret (secret_hash, client_id, created_at) VALUES (?, ?, ?)",
                secretHash, clientId, Timestamp.from(Instant.now()));
    }

    /** Makes every secret of the client that would still work at {@code until} stop then. */
    public void expireSecrets(String clientId, Instant until) {
        changed();
        Timestamp end = Timestamp.from(until);
        this.jdbc.update("UPDATE api_client_secret SET expires_at = ? WHERE client_id = ?"
                + " AND (expires_at IS NULL OR expires_at > ?)", end, clientId, end);
    }

    /** Keeps only the given secret: used when a seed file names the secret explicitly. */
    public void replaceSecrets(String clientId, String secretHash) {
        changed();
        this.jdbc.update("DELETE FROM api_client_secret WHERE client_id = ? AND secret_hash <> ?", clientId,
                secretHash);
        if (!activeSecretHashes(clientId).contains(secretHash)) {
            addSecretHash(clientId, secretHash);
        }
    }

    /**
     * Counts a change now and, inside a transaction, once more when it ends: a client loaded between the write
     * and the commit still saw the old rows, and the second count makes a cache drop it.
     */
    private void changed() {
        this.changes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    ClientRepository.this.changes.incrementAndGet();
                }
            });
        }
    }

    private void insertRedirectUris(ApiClient client) {
        int position = 0;
        for (String uri : client.redirectUris()) {
            this.jdbc.update("INSERT INTO api_client_redirect_uri (client_id, position, uri) VALUES (?, ?, ?)",
                    client.clientId(), position++, uri);
        }
    }

    /** Adds the redirect URIs after the client rows were read (never a query inside a row callback). */
    private List<ApiClient> withRedirectUris(List<ApiClient> clients) {
        return clients.stream().map(client -> {
            List<String> uris = this.jdbc.queryForList(
                    "SELECT uri FROM api_client_redirect_uri WHERE client_id = ? ORDER BY position", String.class,
                    client.clientId());
            return new ApiClient(client.clientId(), client.type(), client.name(), client.description(),
                    client.website(), uris, client.redirectUriMatching(), client.ownerOrcid(), client.createdAt());
        }).toList();
    }

    private ApiClient map(ResultSet rs, int row) throws SQLException {
        String clientId = rs.getString("client_id");
        List<String> uris = List.of();
        return new ApiClient(clientId, ClientType.valueOf(rs.getString("client_type")), rs.getString("name"),
                rs.getString("description"), rs.getString("website"), uris,
                RedirectUriMatching.valueOf(rs.getString("redirect_uri_matching")), rs.getString("owner_orcid"),
                rs.getTimestamp("created_at").toInstant());
    }
}
