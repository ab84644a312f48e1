-- Two-factor sign-in (TOTP, RFC 6238). The secret is AES-GCM ciphertext (key from orrery.two-factor.encryption-key),
-- never the secret itself. A row with enabled = FALSE is a set-up waiting for its first code. last_used_step is the
-- last time step whose code was accepted: a code is accepted at most once, on every node.
CREATE TABLE two_factor (
    orcid              VARCHAR(19)  PRIMARY KEY REFERENCES researcher (orcid) ON DELETE CASCADE,
    secret_ciphertext  VARCHAR(200) NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    enabled_at         TIMESTAMP WITH TIME ZONE,
    last_used_step     BIGINT
);

-- Backup codes: a keyed hash (HMAC-SHA-256) of each code, never the code; used_at set when it is spent.
CREATE TABLE two_factor_backup_code (
    orcid      VARCHAR(19) NOT NULL REFERENCES researcher (orcid) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT two_factor_backup_code_pk PRIMARY KEY (orcid, code_hash)
);

-- Only on a sandbox without a configured key: the key made at its first start, so secrets survive restarts.
CREATE TABLE two_factor_sandbox_key (
    id          INTEGER     PRIMARY KEY,
    key_base64  VARCHAR(64) NOT NULL
);
