-- A client's lifecycle state: ACTIVE, LOCKED or DEACTIVATED. A client that is not ACTIVE is refused at
-- /oauth/authorize (client_locked / client_deactivated), at the token endpoint (400 unauthorized_client) and on the
-- API (every token of it answers as invalid). Read fresh on every such check, never from a node's client cache.
ALTER TABLE api_client ADD COLUMN client_state VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
-- Scopes an operator grants one client beyond its type's (ORCID grants /webhook, /premium-notification,
-- /email/read-private per client): space-separated, null for none.
ALTER TABLE api_client ADD COLUMN extra_scopes VARCHAR(1000);

-- Researchers with the operator role (the console at /admin).
CREATE TABLE operator_role (
    orcid       VARCHAR(19) PRIMARY KEY REFERENCES researcher (orcid) ON DELETE CASCADE,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
