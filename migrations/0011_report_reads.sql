-- What a report reads (issue 13).
--
-- decision_versions' UNIQUE (namnd, beslut_id, version) is itself an index whose first two columns are
-- ix_decision_versions_namnd's (namnd, beslut_id): every look-up by nämnd, or by nämnd and beslut_id, is served by it
-- as well. The second index only cost one more b-tree insert per stored version (a million per first import) and
-- made the planner walk it, row by row in beslut_id order, for queries better served by a plain scan.
DROP INDEX ix_decision_versions_namnd;

-- Each version's first late day, ISO text: ReportingRule.FirstLateDay, the day after three calendar months from the
-- clock start (avbrottsdatum, else beslutsdatum). Stored when the version is made, so that a report reads only the
-- versions some quarter of its window can report: late by the last quarter's end and not done before their first
-- late day (at a million decisions, about one in five of those the report read before). NULL for the versions stored
-- before this migration (date arithmetic is not portable SQL): such a version is always read, and the next import
-- fills it in. A change of that rule needs a migration that sets the column to NULL again.
ALTER TABLE decision_versions ADD COLUMN first_late_day TEXT;
