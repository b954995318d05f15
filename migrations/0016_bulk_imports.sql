-- Imports at the speed of a bulk load (issue 25). On SQLite nothing changes in the schema: the importer sizes the
-- page cache for the import instead (Records/SqliteVersionStore). On PostgreSQL see 0016_bulk_imports.postgres.sql.
SELECT 1;
