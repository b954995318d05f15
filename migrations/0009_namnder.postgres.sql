-- PostgreSQL: the result of 0009_namnder.sql reached directly. SQLite must rebuild its tables to change a UNIQUE
-- constraint; Postgres alters them in place (ids are kept either way). A Postgres database is never older than the
-- provider, so these tables are empty here; the ALTERs are still right for rows, which all belong to 'standard'.
CREATE TABLE namnder (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    kommun TEXT NOT NULL
);
INSERT INTO namnder (code, name, kommun) VALUES ('standard', 'Socialnämnden', 'Exempelkommunen');

-- Every query compares with namnd(): each connection sets statsreporting.namnd to its Db's code (Storage/PostgresDb).
CREATE FUNCTION namnd() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('statsreporting.namnd') $$;

DROP VIEW import_decisions;

ALTER TABLE imports ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard' REFERENCES namnder (code);
ALTER TABLE imports ALTER COLUMN namnd DROP DEFAULT;
ALTER TABLE imports DROP CONSTRAINT imports_sha256_key;
ALTER TABLE imports ADD UNIQUE (namnd, sha256);

ALTER TABLE decision_versions ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard' REFERENCES namnder (code);
ALTER TABLE decision_versions ALTER COLUMN namnd DROP DEFAULT;
ALTER TABLE decision_versions DROP CONSTRAINT decision_versions_beslut_id_version_key;
ALTER TABLE decision_versions ADD UNIQUE (namnd, beslut_id, version);
CREATE INDEX ix_decision_versions_namnd ON decision_versions (namnd, beslut_id);

ALTER TABLE ivo_exports ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard' REFERENCES namnder (code);
ALTER TABLE ivo_exports ALTER COLUMN namnd DROP DEFAULT;
DROP INDEX ix_ivo_exports_period;
CREATE INDEX ix_ivo_exports_period ON ivo_exports (namnd, period);

CREATE VIEW import_decisions AS
SELECT i.id AS import_id, v.beslut_id AS beslut_id, v.id AS version_id
FROM imports i
JOIN decision_versions v ON v.namnd = i.namnd AND v.import_id <= i.id AND (v.gone_import IS NULL OR i.id < v.gone_import)
WHERE (',' || i.laws || ',') LIKE ('%,' || v.lag || ',%');

ALTER TABLE runs ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard';

ALTER TABLE ivo_person_codes ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard' REFERENCES namnder (code);
ALTER TABLE ivo_person_codes ALTER COLUMN namnd DROP DEFAULT;
ALTER TABLE ivo_person_codes DROP CONSTRAINT ivo_person_codes_pkey;
ALTER TABLE ivo_person_codes DROP CONSTRAINT ivo_person_codes_ivo_code_key;
ALTER TABLE ivo_person_codes ADD PRIMARY KEY (namnd, pseudonym);
ALTER TABLE ivo_person_codes ADD UNIQUE (namnd, ivo_code);

ALTER TABLE published_tables ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard' REFERENCES namnder (code);
ALTER TABLE published_tables ALTER COLUMN namnd DROP DEFAULT;
ALTER TABLE published_tables DROP CONSTRAINT published_tables_lag_period_sha256_key;
ALTER TABLE published_tables ADD UNIQUE (namnd, lag, period, sha256);

ALTER TABLE api_keys ADD COLUMN namnder TEXT NOT NULL DEFAULT '*';
