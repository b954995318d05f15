-- The behandlingslogg (issue 24): who accessed personal data, and who changed who may. One row per event, written
-- in the same transaction as what it records. Append-only: rows are never changed, and deleted only by the log's own
-- gallring (Logg:Manader), which first records an anchor (the last removed row's id and hash) from which the chain
-- continues. Each row holds the SHA-256 of the previous row (foregaende) and its own (hash) over its fields, so an
-- edited or deleted row is found by `statsreporting logg verify`. No IVO code, key or kommentar text is ever written.
CREATE TABLE behandlingslogg (
    id             INTEGER PRIMARY KEY, -- given by the writer: the previous row's id + 1
    tid            TEXT NOT NULL,       -- ISO 8601, UTC
    vem            TEXT NOT NULL,       -- the person's name, the key's name, or user@machine for the CLI
    subjekt        TEXT,                -- the id token's subject, or the key's id
    handling       TEXT NOT NULL,       -- Logg/Handling
    objekt         TEXT,                -- a file name
    kvartal        TEXT,
    namnd          TEXT,
    antal_personer INTEGER,
    adress         TEXT,                -- the client's address
    nod            TEXT,                -- the machine that served it
    resultat       TEXT NOT NULL,       -- ok, nekad, fel
    foregaende     TEXT NOT NULL,
    hash           TEXT NOT NULL
);

CREATE INDEX ix_behandlingslogg_tid ON behandlingslogg (tid);

-- One row per gallring of the log: rows up to till_id were removed; the next row's foregaende is hash.
CREATE TABLE behandlingslogg_ankare (
    till_id    INTEGER NOT NULL PRIMARY KEY,
    hash       TEXT NOT NULL,
    gallrad_at TEXT NOT NULL,
    antal      INTEGER NOT NULL
);

CREATE TRIGGER behandlingslogg_ingen_andring BEFORE UPDATE ON behandlingslogg
BEGIN SELECT RAISE(ABORT, 'behandlingsloggen kan inte ändras'); END;

CREATE TRIGGER behandlingslogg_ingen_borttagning BEFORE DELETE ON behandlingslogg
WHEN OLD.id > (SELECT COALESCE(MAX(till_id), 0) FROM behandlingslogg_ankare)
BEGIN SELECT RAISE(ABORT, 'behandlingsloggen kan inte ändras'); END;

CREATE TRIGGER behandlingslogg_ankare_ingen_andring BEFORE UPDATE ON behandlingslogg_ankare
BEGIN SELECT RAISE(ABORT, 'behandlingsloggen kan inte ändras'); END;

CREATE TRIGGER behandlingslogg_ankare_ingen_borttagning BEFORE DELETE ON behandlingslogg_ankare
BEGIN SELECT RAISE(ABORT, 'behandlingsloggen kan inte ändras'); END;
