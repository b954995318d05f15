-- Imports at the speed of COPY (issue 25). A foreign key on PostgreSQL checks every inserted row with a query of its
-- own (a row-level trigger): for decision_versions' three (namnd, import_id, gone_import) that was two thirds of a
-- first import's time. The only writer of decision_versions is the importer's version store, which writes the nämnd
-- and the import it has just written in imports, in the same transaction (Records/PostgresVersionStore), and nothing
-- deletes imports or nämnder; SQLite keeps its keys (they cost it next to nothing).
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'decision_versions'::regclass AND contype = 'f' LOOP
        EXECUTE format('ALTER TABLE decision_versions DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
