-- Imported files: each is archived unchanged with its SHA-256; the same file twice changes nothing.
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL UNIQUE,
    archive_path TEXT    NOT NULL,
    imported_at  TEXT    NOT NULL,
    row_count    INTEGER NOT NULL,
    laws         TEXT    NOT NULL
);

-- Every version of a decision that any import carried; history is never overwritten.
CREATE TABLE decision_versions (
    id               INTEGER PRIMARY KEY,
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
    UNIQUE (beslut_id, version)
);

-- Which import (snapshot of the case system) contained which decision, in which version.
CREATE TABLE import_decisions (
    import_id  INTEGER NOT NULL REFERENCES imports (id),
    beslut_id  TEXT    NOT NULL,
    version_id INTEGER NOT NULL REFERENCES decision_versions (id),
    PRIMARY KEY (import_id, beslut_id)
);

CREATE INDEX ix_decision_versions_import ON decision_versions (import_id);
CREATE INDEX ix_import_decisions_beslut ON import_decisions (beslut_id);
