-- Several nämnder in one installation (issue 15). Every record belongs to exactly one nämnd; what was stored before
-- belongs to the default nämnd 'standard', which is the one-nämnd installation of Organisation:Kommun/Namnd.
-- The nämnder themselves are configured in appsettings.json (Organisation:Namnder) and mirrored here at start.
CREATE TABLE namnder (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    kommun TEXT NOT NULL
);
INSERT INTO namnder (code, name, kommun) VALUES ('standard', 'Socialnämnden', 'Exempelkommunen');

-- imports: a file is imported once per nämnd (the same file under another nämnd is that nämnd's import), and
-- decision_versions: beslut_id is unique per nämnd. Both tables are rebuilt (a UNIQUE constraint cannot be altered);
-- ids are kept, so every import_id, gone_import and "--import N" means what it did.
DROP VIEW import_decisions;
ALTER TABLE decision_versions RENAME TO decision_versions_0008;
ALTER TABLE ivo_exports RENAME TO ivo_exports_0008;
ALTER TABLE imports RENAME TO imports_0008;

CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    namnd        TEXT    NOT NULL REFERENCES namnder (code),
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    archive_path TEXT    NOT NULL,
    imported_at  TEXT    NOT NULL,
    row_count    INTEGER NOT NULL,
    laws         TEXT    NOT NULL,
    UNIQUE (namnd, sha256)
);
INSERT INTO imports (id, namnd, file_name, sha256, archive_path, imported_at, row_count, laws)
SELECT id, 'standard', file_name, sha256, archive_path, imported_at, row_count, laws FROM imports_0008;

CREATE TABLE decision_versions (
    id               INTEGER PRIMARY KEY,
    namnd            TEXT    NOT NULL REFERENCES namnder (code),
    beslut_id        TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    import_id        INTEGER NOT NULL REFERENCES imports (id),
    person_id        TEXT    NOT NULL,
    kon              TEXT    NOT NULL,
    lag              TEXT    NOT NULL,
    verksamhet       TEXT,
    insats           TEXT    NOT NULL,
    enhet            TEXT,
    beslutsdatum     TEXT    NOT NULL,
    avbrottsdatum    TEXT,
    verkstallt_datum TEXT,
    avslutat_datum   TEXT,
    orsak            TEXT,
    kommentar        TEXT,
    fodelsedatum     TEXT,
    gone_import      INTEGER REFERENCES imports (id),
    content_hash     INTEGER,
    UNIQUE (namnd, beslut_id, version)
);
INSERT INTO decision_versions (id, namnd, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
    beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, gone_import, content_hash)
SELECT id, 'standard', beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
    beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, gone_import, content_hash
FROM decision_versions_0008;

CREATE TABLE ivo_exports (
    id           INTEGER PRIMARY KEY,
    namnd        TEXT    NOT NULL REFERENCES namnder (code),
    period       TEXT    NOT NULL,
    exported_at  TEXT    NOT NULL,
    import_id    INTEGER REFERENCES imports (id),
    ny           INTEGER NOT NULL,
    kvarstar     INTEGER NOT NULL,
    avslutande   INTEGER NOT NULL,
    forsvunna    INTEGER NOT NULL,
    folder       TEXT    NOT NULL
);
INSERT INTO ivo_exports (id, namnd, period, exported_at, import_id, ny, kvarstar, avslutande, forsvunna, folder)
SELECT id, 'standard', period, exported_at, import_id, ny, kvarstar, avslutande, forsvunna, folder FROM ivo_exports_0008;

DROP TABLE decision_versions_0008;
DROP TABLE ivo_exports_0008;
DROP TABLE imports_0008;

CREATE INDEX ix_decision_versions_gone ON decision_versions (gone_import) WHERE gone_import IS NOT NULL;
CREATE INDEX ix_decision_versions_namnd ON decision_versions (namnd, beslut_id);
CREATE INDEX ix_ivo_exports_period ON ivo_exports (namnd, period);

CREATE VIEW import_decisions AS
SELECT i.id AS import_id, v.beslut_id AS beslut_id, v.id AS version_id
FROM imports i
JOIN decision_versions v ON v.namnd = i.namnd AND v.import_id <= i.id AND (v.gone_import IS NULL OR i.id < v.gone_import)
WHERE (',' || i.laws || ',') LIKE ('%,' || v.lag || ',%');

-- Runs: an added column (existing rows get the default nämnd).
ALTER TABLE runs ADD COLUMN namnd TEXT NOT NULL DEFAULT 'standard';

-- Pseudonym codes per nämnd: each nämnd's huvudrapportör keeps its own codes (rebuilt: the key changes).
ALTER TABLE ivo_person_codes RENAME TO ivo_person_codes_0008;
CREATE TABLE ivo_person_codes (
    namnd             TEXT NOT NULL REFERENCES namnder (code),
    pseudonym         TEXT NOT NULL,
    ivo_code          TEXT NOT NULL,
    kon               TEXT NOT NULL,
    birth_date_known  INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    PRIMARY KEY (namnd, pseudonym),
    UNIQUE (namnd, ivo_code)
);
INSERT INTO ivo_person_codes (namnd, pseudonym, ivo_code, kon, birth_date_known, created_at)
SELECT 'standard', pseudonym, ivo_code, kon, birth_date_known, created_at FROM ivo_person_codes_0008;
DROP TABLE ivo_person_codes_0008;

-- Published tables per nämnd: the same table may be stored for two nämnder (rebuilt with the tables that refer to it).
ALTER TABLE published_table_columns RENAME TO published_table_columns_0008;
ALTER TABLE published_table_rows RENAME TO published_table_rows_0008;
ALTER TABLE published_table_cells RENAME TO published_table_cells_0008;
ALTER TABLE published_table_findings RENAME TO published_table_findings_0008;
ALTER TABLE published_tables RENAME TO published_tables_0008;
CREATE TABLE published_tables (
    id           INTEGER PRIMARY KEY,
    namnd        TEXT    NOT NULL REFERENCES namnder (code),
    lag          TEXT    NOT NULL,
    period       TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    label_header TEXT    NOT NULL,
    value_column INTEGER NOT NULL,
    imported_at  TEXT    NOT NULL,
    UNIQUE (namnd, lag, period, sha256)
);
CREATE TABLE published_table_columns (
    table_id INTEGER NOT NULL REFERENCES published_tables (id),
    col_no   INTEGER NOT NULL,
    header   TEXT    NOT NULL,
    PRIMARY KEY (table_id, col_no)
);
CREATE TABLE published_table_rows (
    table_id INTEGER NOT NULL REFERENCES published_tables (id),
    row_no   INTEGER NOT NULL,
    label    TEXT    NOT NULL,
    line     INTEGER,
    PRIMARY KEY (table_id, row_no)
);
CREATE TABLE published_table_cells (
    table_id INTEGER NOT NULL REFERENCES published_tables (id),
    row_no   INTEGER NOT NULL,
    col_no   INTEGER NOT NULL,
    value    INTEGER,
    PRIMARY KEY (table_id, row_no, col_no)
);
CREATE TABLE published_table_findings (
    table_id    INTEGER NOT NULL REFERENCES published_tables (id),
    seq         INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    row_label   TEXT    NOT NULL,
    column_name TEXT,
    printed     INTEGER,
    computed    INTEGER,
    severity    TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    root_cause  TEXT,
    line        INTEGER,
    PRIMARY KEY (table_id, seq)
);
INSERT INTO published_tables (id, namnd, lag, period, file_name, sha256, label_header, value_column, imported_at)
SELECT id, 'standard', lag, period, file_name, sha256, label_header, value_column, imported_at FROM published_tables_0008;
INSERT INTO published_table_columns (table_id, col_no, header) SELECT table_id, col_no, header FROM published_table_columns_0008;
INSERT INTO published_table_rows (table_id, row_no, label, line) SELECT table_id, row_no, label, line FROM published_table_rows_0008;
INSERT INTO published_table_cells (table_id, row_no, col_no, value) SELECT table_id, row_no, col_no, value FROM published_table_cells_0008;
INSERT INTO published_table_findings (table_id, seq, kind, row_label, column_name, printed, computed, severity, message, root_cause, line)
SELECT table_id, seq, kind, row_label, column_name, printed, computed, severity, message, root_cause, line FROM published_table_findings_0008;
DROP TABLE published_table_columns_0008;
DROP TABLE published_table_rows_0008;
DROP TABLE published_table_cells_0008;
DROP TABLE published_table_findings_0008;
DROP TABLE published_tables_0008;

-- The nämnder a key may see: their codes separated by ',' (e.g. 'son,von'), or '*' for all: an installation admin,
-- and every key made before there were nämnder.
ALTER TABLE api_keys ADD COLUMN namnder TEXT NOT NULL DEFAULT '*';
