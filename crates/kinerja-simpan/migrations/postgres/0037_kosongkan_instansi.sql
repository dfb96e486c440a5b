-- kinerja, skema 37 (PostgreSQL): `TRUNCATE instansi` may not leave data without its instansi.
-- Migration 35 replaced the six data tables' foreign keys to `instansi` with statement checks,
-- and TRUNCATE fires neither row nor DELETE triggers: `TRUNCATE instansi CASCADE` emptied
-- `instansi` (and the tables whose foreign keys remain) but left every record, target,
-- realisasi, budget line, raw count and coverage row naming an instansi that no longer exists,
-- where a foreign key would have refused. An AFTER TRUNCATE trigger fires once the command has
-- emptied every table it names, so `TRUNCATE instansi, rekaman, target, realisasi,
-- pos_anggaran, nilai_data, cakupan` (everything at once) passes and anything less is refused.
CREATE FUNCTION instansi_kosongkan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
BEGIN
    SELECT x INTO t FROM (VALUES
        ('rekaman', EXISTS (SELECT 1 FROM rekaman)),
        ('target', EXISTS (SELECT 1 FROM target)),
        ('realisasi', EXISTS (SELECT 1 FROM realisasi)),
        ('pos_anggaran', EXISTS (SELECT 1 FROM pos_anggaran)),
        ('nilai_data', EXISTS (SELECT 1 FROM nilai_data)),
        ('cakupan', EXISTS (SELECT 1 FROM cakupan))) AS v (x, ada)
    WHERE ada LIMIT 1;
    IF t IS NOT NULL THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('truncate of table "instansi" leaves rows of "%s" that name it', t),
            HINT = 'Truncate the data tables in the same command.';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER instansi_kosongkan AFTER TRUNCATE ON instansi
    FOR EACH STATEMENT EXECUTE FUNCTION instansi_kosongkan();
