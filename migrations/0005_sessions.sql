-- Cookie sessions of the web page, so that the server can end them: logout, a revoked key and an idle timeout end a
-- session here, and a replayed cookie of an ended session is refused. id is random (256 bits) and is all the
-- cookie's ticket names; no key or secret is stored.
CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    key_id       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at     TEXT
);

CREATE INDEX ix_sessions_key ON sessions (key_id);
