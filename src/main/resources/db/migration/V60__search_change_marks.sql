-- Search (issue 10): when each record last changed, so every node's index can catch up with the writes of all
-- nodes by polling one indexed column; and the identity of this database, so that an index built from another
-- database (an old run, a restored copy) is recognised and rebuilt.
ALTER TABLE researcher ADD COLUMN record_changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX researcher_changed_idx ON researcher (record_changed_at);

CREATE TABLE search_epoch (
    id     INTEGER     PRIMARY KEY,
    epoch  VARCHAR(36) NOT NULL
);
