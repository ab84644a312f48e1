-- A refresh token remembers the access token issued with it (its "parent" in ORCID's terms), and every
-- revocation its time, so that refresh-token reuse can be told apart from a concurrent refresh.
ALTER TABLE oauth_token ADD COLUMN pair_hash VARCHAR(64);
ALTER TABLE oauth_token ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX oauth_token_pair_idx ON oauth_token (pair_hash);
