-- PostgreSQL: as 0006_snapshot_spans.sql, with identity keys and 64-bit integers (SQLite's INTEGER is 64-bit).
-- Snapshot membership without one row per decision per import (0001's import_decisions grew by the whole snapshot
-- every quarter). A version is in every import of its law from the one that made it (import_id) up to, not
-- including, gone_import: the first later import of its law that did not carry it, because the decision changed or
-- was missing. NULL: it is in its law's latest snapshot. A decision that comes back unchanged after missing from a
-- snapshot gets a new version with the same content, so each version's membership is one unbroken span.
ALTER TABLE decision_versions ADD COLUMN gone_import BIGINT REFERENCES imports (id);
-- A 64-bit hash of the content columns, for the importer's one-pass diff. NULL for versions stored before this
-- migration: the next import fills it in.
ALTER TABLE decision_versions ADD COLUMN content_hash BIGINT;

-- Existing membership: a version is gone from the first import of its law after the last one that carried it. (If
-- an old version missed a snapshot and came back unchanged, the span now covers the gap as well.)
CREATE INDEX ix_import_decisions_version ON import_decisions (version_id, import_id);
UPDATE decision_versions SET gone_import = (
    SELECT MIN(i.id) FROM imports i
    WHERE i.id > (SELECT MAX(d.import_id) FROM import_decisions d WHERE d.version_id = decision_versions.id)
      AND (',' || i.laws || ',') LIKE ('%,' || decision_versions.lag || ',%'));
-- A version that has a successor has left the snapshot by the time the successor was made, whatever the law.
UPDATE decision_versions SET gone_import = (
    SELECT MIN(w.import_id) FROM decision_versions w
    WHERE w.beslut_id = decision_versions.beslut_id AND w.version > decision_versions.version)
WHERE gone_import IS NULL
  AND EXISTS (SELECT 1 FROM decision_versions w WHERE w.beslut_id = decision_versions.beslut_id AND w.version > decision_versions.version);
DROP INDEX ix_import_decisions_version;
DROP INDEX ix_import_decisions_beslut;
DROP TABLE import_decisions;

-- The same question as before, answered from the spans: which import held which decision, in which version.
CREATE VIEW import_decisions AS
SELECT i.id AS import_id, v.beslut_id AS beslut_id, v.id AS version_id
FROM imports i
JOIN decision_versions v ON v.import_id <= i.id AND (v.gone_import IS NULL OR i.id < v.gone_import)
WHERE (',' || i.laws || ',') LIKE ('%,' || v.lag || ',%');

-- Nothing reads versions by import any more (a scan is faster than this index for every query that did); the
-- versions that left a snapshot are few and are found through this one.
DROP INDEX ix_decision_versions_import;
CREATE INDEX ix_decision_versions_gone ON decision_versions (gone_import) WHERE gone_import IS NOT NULL;
