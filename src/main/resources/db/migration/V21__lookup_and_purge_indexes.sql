-- Indexes for the lookup paths V1 left to a scan. Portable SQL for H2 and PostgreSQL.
-- (Token, code and client-secret lookups go by the primary key on their hash; expiry indexes serve the purge.)

-- A client's authorizations and grants: revoking or deleting a client (its ON DELETE CASCADE) finds them here.
CREATE INDEX oauth_authorization_client_idx ON oauth_authorization (client_id);
CREATE INDEX oauth_grant_client_idx ON oauth_grant (client_id);

-- Seed files match clients that no researcher owns by name.
CREATE INDEX api_client_name_idx ON api_client (name);
