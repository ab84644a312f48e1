-- Delivery of mail_outbox rows by any node: a node claims a due row by a conditional UPDATE that sets its own
-- random claim_token and a lease (claimed_until); only one node can win it. A node that dies mid-send leaves the
-- lease to run out, and another node claims the row again (at-least-once delivery).
ALTER TABLE mail_outbox ADD COLUMN claim_token VARCHAR(36);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);
