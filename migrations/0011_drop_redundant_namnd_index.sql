-- decision_versions' UNIQUE (namnd, beslut_id, version) is itself an index whose first two columns are
-- ix_decision_versions_namnd's (namnd, beslut_id): every look-up by nämnd, or by nämnd and beslut_id, is served by it
-- as well. The second index only cost one more b-tree insert per stored version (issue 13: a million of them per
-- first import) and made the planner walk it, row by row in beslut_id order, for queries better served by a scan.
DROP INDEX ix_decision_versions_namnd;
