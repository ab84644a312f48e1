-- Keys that sign ID tokens, shared by every node. A key is published in the JWK set from created_at, used for
-- signing from active_from, and dropped once retired_at has passed (after the tokens it signed have expired).
CREATE TABLE signing_key (
    kid          VARCHAR(64)    PRIMARY KEY,
    private_jwk  VARCHAR(20000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    active_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);
