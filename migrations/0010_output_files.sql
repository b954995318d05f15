-- Generated files served by every node (issue 16, README "Flera noder"). On PostgreSQL, after a run has written a
-- quarter's folder (reports/<P>/ or the IVO folder), the whole set — every file's bytes and sha256 — is stored here
-- in one transaction; a node asked for a file whose set it has not got yet writes the set into its own folder first.
-- Only the newest set of a folder is kept. With SQLite (one machine) the tables stay empty.
CREATE TABLE output_sets (
    id        INTEGER PRIMARY KEY,
    namnd     TEXT    NOT NULL REFERENCES namnder (code),
    kind      TEXT    NOT NULL, -- 'reports' (KF files, reports/<P>/) or 'ivo' (personal data, Paths:Ivo/<P>/)
    period    TEXT    NOT NULL,
    stored_at TEXT    NOT NULL
);
CREATE INDEX output_sets_folder ON output_sets (namnd, kind, period);

CREATE TABLE output_files (
    set_id INTEGER NOT NULL REFERENCES output_sets (id) ON DELETE CASCADE,
    path   TEXT    NOT NULL, -- relative to the quarter's folder, '/' between folders ("diagram/sol-kon.png")
    sha256 TEXT    NOT NULL,
    bytes  BLOB    NOT NULL,
    PRIMARY KEY (set_id, path)
);
