-- Published tables stored as history for quarters the decision records do not cover (import-table).
-- The whole table is kept as read; value_column is the numeric column (0-based) that holds the quarter.
CREATE TABLE published_tables (
    id           INTEGER PRIMARY KEY,
    lag          TEXT    NOT NULL,
    period       TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    label_header TEXT    NOT NULL,
    value_column INTEGER NOT NULL,
    imported_at  TEXT    NOT NULL,
    UNIQUE (lag, period, sha256)
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

-- A NULL value is a cell that could not be read (its finding is stored below).
CREATE TABLE published_table_cells (
    table_id INTEGER NOT NULL REFERENCES published_tables (id),
    row_no   INTEGER NOT NULL,
    col_no   INTEGER NOT NULL,
    value    INTEGER,
    PRIMARY KEY (table_id, row_no, col_no)
);

-- The checker's findings on the table when it was imported, kept with it.
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
