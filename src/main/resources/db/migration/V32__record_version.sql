-- A version per record, raised in the same transaction as every write that changes what one of the record's
-- documents shows (items, record settings, the researcher's names and email, the name of a client that is the
-- source of items). Nodes key the answers they keep by it, so a write on one node is seen by the next read on any.
-- Portable SQL for H2 and PostgreSQL.
ALTER TABLE researcher ADD COLUMN record_version BIGINT DEFAULT 0 NOT NULL;

-- Renaming a client raises the version of every record holding items it added (their source name changes).
CREATE INDEX record_item_source_idx ON record_item (source_client_id);
