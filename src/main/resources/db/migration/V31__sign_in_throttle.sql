-- Failed sign-ins per account and per source address, shared by every node. A key is 'account:<iD>',
-- 'unknown:<SHA-256 of the typed user id>' or 'address:<IP address>'. Failures count while they come less than
-- the window apart; past a number of free failures each one blocks the key for a growing, bounded time.
CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(100) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_throttle_time_idx ON sign_in_throttle (last_failure_at);
