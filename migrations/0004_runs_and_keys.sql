-- API keys: only a salted SHA-256 of the secret part is stored; the key itself is shown once, when it is made.
CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- One row per run of the quarterly job (scheduled or manual), kept here because Hangfire's storage is in memory.
-- message is Swedish and never holds personal data.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    period      TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    job_id      TEXT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    status      TEXT NOT NULL,
    message     TEXT
);

CREATE INDEX ix_runs_status ON runs (status);
