-- Which record items a sandbox seed file put there: the file's section and position identify an item when the
-- file is applied again (unchanged: left alone; changed: updated; gone from the file: removed). The biography is
-- tracked with no put-code.
CREATE TABLE sandbox_seed_item (
    orcid     VARCHAR(19) NOT NULL REFERENCES researcher (orcid) ON DELETE CASCADE,
    section   VARCHAR(40) NOT NULL,
    position  INTEGER     NOT NULL,
    put_code  BIGINT      REFERENCES record_item (put_code) ON DELETE CASCADE,
    PRIMARY KEY (orcid, section, position)
);
CREATE INDEX sandbox_seed_item_put_code_idx ON sandbox_seed_item (put_code);
