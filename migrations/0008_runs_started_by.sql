-- Who or what started a run: the admin key's name for "Kör nu", the user and machine for the CLI's `run`; empty for
-- the schedule. The CLI's runs are recorded in the same table (trigger 'cli'), so the page's history shows every run.
ALTER TABLE runs ADD COLUMN started_by TEXT;
