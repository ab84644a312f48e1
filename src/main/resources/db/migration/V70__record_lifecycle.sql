-- Record lifecycle (lock, deactivate, deprecate): why and when the state last changed, and the one-use links the
-- researcher's own flows mail (deactivation confirmation, reactivation), stored by the SHA-256 of their value.
-- Portable SQL for H2 and PostgreSQL.
ALTER TABLE researcher ADD COLUMN record_state_reason VARCHAR(500);
ALTER TABLE researcher ADD COLUMN record_state_changed_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE lifecycle_link (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    purpose     VARCHAR(20)  NOT NULL,
    orcid       VARCHAR(19)  NOT NULL REFERENCES researcher (orcid) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    attempts    INTEGER      DEFAULT 0 NOT NULL
);
CREATE INDEX lifecycle_link_orcid_idx ON lifecycle_link (orcid, purpose);
CREATE INDEX lifecycle_link_expiry_idx ON lifecycle_link (expires_at);
