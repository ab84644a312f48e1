-- Researchers, API clients and the authorization server's state.
-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL.
-- Every timestamp is stored in UTC.

CREATE TABLE researcher (
    orcid           VARCHAR(19)  PRIMARY KEY,
    given_names     VARCHAR(150) NOT NULL,
    family_name     VARCHAR(150),
    credit_name     VARCHAR(150),
    email           VARCHAR(320) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_signed_in  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX researcher_email_uk ON researcher (email);

CREATE TABLE api_client (
    client_id              VARCHAR(20)   PRIMARY KEY,
    client_type            VARCHAR(20)   NOT NULL,
    name                   VARCHAR(150)  NOT NULL,
    description            VARCHAR(1000) NOT NULL,
    website                VARCHAR(500),
    redirect_uri_matching  VARCHAR(20)   NOT NULL,
    owner_orcid            VARCHAR(19)   REFERENCES researcher (orcid),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_client_owner_idx ON api_client (owner_orcid);

CREATE TABLE api_client_redirect_uri (
    client_id  VARCHAR(20)   NOT NULL REFERENCES api_client (client_id) ON DELETE CASCADE,
    position   INTEGER       NOT NULL,
    uri        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (client_id, position)
);

-- Several secrets may authenticate a client at once (the old one keeps working for a while after a reset).
CREATE TABLE api_client_secret (
    secret_hash  VARCHAR(64) PRIMARY KEY,
    client_id    VARCHAR(20) NOT NULL REFERENCES api_client (client_id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_client_secret_client_idx ON api_client_secret (client_id);

-- One authorization per consent (or client-credentials grant); its codes and tokens hang off it.
CREATE TABLE oauth_authorization (
    id                 VARCHAR(64)   PRIMARY KEY,
    client_id          VARCHAR(20)   NOT NULL REFERENCES api_client (client_id) ON DELETE CASCADE,
    orcid              VARCHAR(19),
    grant_type         VARCHAR(100)  NOT NULL,
    authorized_scopes  VARCHAR(1000),
    state_hash         VARCHAR(64),
    request            VARCHAR(20000),
    attributes         VARCHAR(20000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_authorization_state_idx ON oauth_authorization (state_hash);
CREATE INDEX oauth_authorization_grant_idx ON oauth_authorization (orcid, client_id);
CREATE INDEX oauth_authorization_expiry_idx ON oauth_authorization (expires_at);

-- Codes, access tokens and refresh tokens, keyed by the SHA-256 of their value: never the value.
CREATE TABLE oauth_token (
    token_hash        VARCHAR(64)  PRIMARY KEY,
    authorization_id  VARCHAR(64)  NOT NULL REFERENCES oauth_authorization (id) ON DELETE CASCADE,
    token_kind        VARCHAR(10)  NOT NULL,
    scopes            VARCHAR(1000),
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    invalidated       BOOLEAN      NOT NULL,
    revoke_reason     VARCHAR(30),
    metadata          VARCHAR(20000)
);
CREATE INDEX oauth_token_authorization_idx ON oauth_token (authorization_id);
CREATE INDEX oauth_token_expiry_idx ON oauth_token (expires_at);

-- A researcher's grant to a client ("trusted organization"): one row per researcher and client.
CREATE TABLE oauth_grant (
    client_id   VARCHAR(20)   NOT NULL REFERENCES api_client (client_id) ON DELETE CASCADE,
    orcid       VARCHAR(19)   NOT NULL REFERENCES researcher (orcid) ON DELETE CASCADE,
    scopes      VARCHAR(1000) NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (orcid, client_id)
);
