-- kinerja, skema 37 (SQLite): nothing to do. PostgreSQL's migration 37 refuses a TRUNCATE of
-- `instansi` that leaves data naming it; SQLite has no TRUNCATE, and its data tables keep
-- their foreign keys to `instansi`.
SELECT 1;
