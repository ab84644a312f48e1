-- A record's lifecycle state: ACTIVE, LOCKED, DEACTIVATED or DEPRECATED (then deprecated_into names the record
-- kept). Search indexes ACTIVE records only; the API answers ORCID's 409s for the others.
ALTER TABLE researcher ADD COLUMN record_state VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE researcher ADD COLUMN deprecated_into VARCHAR(19);
