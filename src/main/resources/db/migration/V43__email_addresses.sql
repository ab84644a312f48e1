-- A researcher's e-mail addresses (ORCID wave 2 §5.1). researcher.email stays the primary address, kept equal to
-- the row with is_primary here, so sign-in and every reader of researcher.email keep working. The visibility of
-- the primary address stays in record_settings.email_visibility; this table's visibility is that of the others.
CREATE TABLE email_address (
    address      VARCHAR(320) PRIMARY KEY,
    orcid        VARCHAR(19)  NOT NULL REFERENCES researcher (orcid),
    verified     BOOLEAN      NOT NULL,
    is_primary   BOOLEAN      NOT NULL,
    visibility   VARCHAR(20)  NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX email_address_orcid_idx ON email_address (orcid);
-- Addresses registered before verification existed count as verified: their records keep showing them.
INSERT INTO email_address (address, orcid, verified, is_primary, visibility, added_at, verified_at)
    SELECT email, orcid, TRUE, TRUE, 'PRIVATE', created_at, created_at FROM researcher;

-- Single-use links sent by mail: e-mail verification (bound to an address) and password reset. Only the SHA-256
-- of a token is kept. A newer reset link supersedes the older ones of the same researcher.
CREATE TABLE account_token (
    token_hash     VARCHAR(64)  PRIMARY KEY,
    purpose        VARCHAR(20)  NOT NULL,
    orcid          VARCHAR(19)  NOT NULL,
    address        VARCHAR(320),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    used_at        TIMESTAMP WITH TIME ZONE,
    superseded_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_orcid_idx ON account_token (orcid, purpose);
CREATE INDEX account_token_created_idx ON account_token (created_at);

-- Requests per key in a fixed window (password-reset requests per address and per source), shared by every node.
CREATE TABLE request_throttle (
    throttle_key   VARCHAR(100) PRIMARY KEY,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    requests       INTEGER      NOT NULL
);
