-- Optional birth date from the import: only used to build an IVO code for a person known by a local pseudonym.
ALTER TABLE decision_versions ADD COLUMN fodelsedatum TEXT;

-- The IVO code made for a local pseudonym: kept so that the person has the same code in every later quarter.
CREATE TABLE ivo_person_codes (
    pseudonym         TEXT PRIMARY KEY,
    ivo_code          TEXT NOT NULL UNIQUE,
    kon               TEXT NOT NULL,
    birth_date_known  INTEGER NOT NULL,
    created_at        TEXT NOT NULL
);

-- Every IVO individrapport written: the reporting calendar calls a quarter overdue until one is recorded.
CREATE TABLE ivo_exports (
    id           INTEGER PRIMARY KEY,
    period       TEXT    NOT NULL,
    exported_at  TEXT    NOT NULL,
    import_id    INTEGER REFERENCES imports (id),
    ny           INTEGER NOT NULL,
    kvarstar     INTEGER NOT NULL,
    avslutande   INTEGER NOT NULL,
    forsvunna    INTEGER NOT NULL,
    folder       TEXT    NOT NULL
);

CREATE INDEX ix_ivo_exports_period ON ivo_exports (period);
