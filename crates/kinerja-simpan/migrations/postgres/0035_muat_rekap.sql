-- kinerja, skema 35 (PostgreSQL): a bulk load of the nation (millions of records, each with its
-- audit row) at COPY speed, the same guarantees kept.
--
-- 1. The audit's old and new values are stored as `json` (the text as written, validated)
--    instead of `jsonb` (parsed into a binary tree): nothing queries inside them, they are only
--    read back whole (`Toko::jejak`), as SQLite keeps them (TEXT).
ALTER TABLE jejak ALTER COLUMN lama TYPE json USING lama::json,
                  ALTER COLUMN baru TYPE json USING baru::json;

-- 2. The data tables' references to `instansi` are checked once per statement, over the set of
--    instansi the statement named, instead of once per row: a per-row deferred foreign key
--    queues one check per row (a kabupaten's load: ~130.000) and runs them at commit. Still
--    checked at commit (deferred, as before: a transaction may write records before their
--    instansi, or remove an instansi before its records), still by the database:
--    - after every INSERT or UPDATE of a referencing table, a statement trigger notes the
--      distinct instansi its new rows name (`acuan_catat`, from the transition table);
--    - after every DELETE or UPDATE of `instansi`, a statement trigger notes the ids that
--      disappeared (`instansi_lepas`);
--    - each note is a row of `periksa_instansi`, whose deferred constraint trigger checks it at
--      commit (`periksa_instansi_jalankan`): named instansi must exist (and are locked
--      FOR KEY SHARE, as a foreign key locks them, so a concurrent removal waits or fails);
--      a removed id must not be named by any referencing row. The note is then deleted.
--    The tables of accounts, periods, reviu notes and survey respondents keep their foreign
--    keys (few rows, written one at a time).
--    The checks assume READ COMMITTED, the isolation of every kinerja transaction: each check
--    sees what was committed before it ran (a removal that commits first makes a concurrent
--    writer's check fail; a writer that locked first makes the removal wait, then see its
--    rows). Measured before the change: a 300.000-row COPY with the per-row deferred key
--    spent ~2 s in its commit, with the statement check ~5-10 ms.
CREATE TABLE periksa_instansi (
    n    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    arah TEXT NOT NULL CHECK (arah IN ('acu', 'lepas')),
    asal TEXT NOT NULL,
    ids  TEXT[] NOT NULL
);

CREATE FUNCTION periksa_instansi_jalankan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x TEXT;
BEGIN
    DELETE FROM periksa_instansi WHERE n = NEW.n;
    IF NEW.arah = 'acu' THEN
        -- As a foreign key: the named rows are locked against a concurrent removal.
        PERFORM 1 FROM instansi WHERE id = ANY (NEW.ids) FOR KEY SHARE;
        SELECT i INTO x FROM unnest(NEW.ids) i
        WHERE NOT EXISTS (SELECT 1 FROM instansi WHERE id = i) LIMIT 1;
        IF x IS NOT NULL THEN
            RAISE foreign_key_violation USING
                MESSAGE = format('insert or update on table "%s" violates the reference to instansi', NEW.asal),
                DETAIL = format('Key (id)=(%s) is not present in table "instansi".', x);
        END IF;
    ELSE
        SELECT i INTO x FROM unnest(NEW.ids) i
        WHERE NOT EXISTS (SELECT 1 FROM instansi WHERE id = i)
          AND (EXISTS (SELECT 1 FROM rekaman WHERE pelapor = i)
            OR EXISTS (SELECT 1 FROM target WHERE pelapor = i)
            OR EXISTS (SELECT 1 FROM realisasi WHERE pelapor = i)
            OR EXISTS (SELECT 1 FROM pos_anggaran WHERE pelapor = i)
            OR EXISTS (SELECT 1 FROM nilai_data WHERE pelapor = i)
            OR EXISTS (SELECT 1 FROM cakupan WHERE pelapor = i OR instansi = i))
        LIMIT 1;
        IF x IS NOT NULL THEN
            RAISE foreign_key_violation USING
                MESSAGE = 'update or delete on table "instansi" violates a reference to it',
                DETAIL = format('Key (id)=(%s) is still referenced.', x);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER periksa_instansi_jalankan AFTER INSERT ON periksa_instansi
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION periksa_instansi_jalankan();

-- TG_ARGV[0]: the referencing column (`pelapor`, or `instansi` of `cakupan`).
CREATE FUNCTION acuan_catat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_ARGV[0] = 'instansi' THEN
        INSERT INTO periksa_instansi (arah, asal, ids)
        SELECT 'acu', TG_TABLE_NAME, array_agg(DISTINCT instansi) FROM baru HAVING count(*) > 0;
    ELSE
        INSERT INTO periksa_instansi (arah, asal, ids)
        SELECT 'acu', TG_TABLE_NAME, array_agg(DISTINCT pelapor) FROM baru HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION instansi_lepas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO periksa_instansi (arah, asal, ids)
    SELECT 'lepas', 'instansi', array_agg(DISTINCT l.id) FROM lama l
    WHERE NOT EXISTS (SELECT 1 FROM instansi i WHERE i.id = l.id) HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE TRIGGER instansi_hapus AFTER DELETE ON instansi REFERENCING OLD TABLE AS lama
    FOR EACH STATEMENT EXECUTE FUNCTION instansi_lepas();
CREATE TRIGGER instansi_ubah AFTER UPDATE ON instansi REFERENCING OLD TABLE AS lama
    FOR EACH STATEMENT EXECUTE FUNCTION instansi_lepas();

ALTER TABLE rekaman DROP CONSTRAINT rekaman_pelapor_fkey;
ALTER TABLE target DROP CONSTRAINT target_pelapor_fkey;
ALTER TABLE realisasi DROP CONSTRAINT realisasi_pelapor_fkey;
ALTER TABLE pos_anggaran DROP CONSTRAINT pos_anggaran_pelapor_fkey;
ALTER TABLE nilai_data DROP CONSTRAINT nilai_data_pelapor_fkey;
ALTER TABLE cakupan DROP CONSTRAINT cakupan_pelapor_fkey;
ALTER TABLE cakupan DROP CONSTRAINT cakupan_instansi_fkey;
CREATE INDEX cakupan_instansi ON cakupan (instansi);

CREATE TRIGGER rekaman_acuan_tambah AFTER INSERT ON rekaman REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER rekaman_acuan_ubah AFTER UPDATE ON rekaman REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER target_acuan_tambah AFTER INSERT ON target REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER target_acuan_ubah AFTER UPDATE ON target REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER realisasi_acuan_tambah AFTER INSERT ON realisasi REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER realisasi_acuan_ubah AFTER UPDATE ON realisasi REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER pos_anggaran_acuan_tambah AFTER INSERT ON pos_anggaran REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER pos_anggaran_acuan_ubah AFTER UPDATE ON pos_anggaran REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER nilai_data_acuan_tambah AFTER INSERT ON nilai_data REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER nilai_data_acuan_ubah AFTER UPDATE ON nilai_data REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER cakupan_acuan_tambah AFTER INSERT ON cakupan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER cakupan_acuan_ubah AFTER UPDATE ON cakupan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('pelapor');
CREATE TRIGGER cakupan_instansi_tambah AFTER INSERT ON cakupan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('instansi');
CREATE TRIGGER cakupan_instansi_ubah AFTER UPDATE ON cakupan REFERENCING NEW TABLE AS baru
    FOR EACH STATEMENT EXECUTE FUNCTION acuan_catat('instansi');

-- 3. Each data set's summary for the indicator roll-up (`RingkasUnit`, as JSON), by year,
--    labelled with the data set's version it was made at and the program's summary format:
--    derived data, used only while both are current (`ringkas.rs`), so a fresh process reads
--    one small row per unit instead of every data set's tables. Not a foreign key: a summary
--    outliving its data set is never read (no version to match).
CREATE TABLE ringkas_rekap (
    pelapor TEXT NOT NULL,
    tahun   INTEGER NOT NULL,
    versi   BIGINT NOT NULL,
    format  INTEGER NOT NULL,
    isi     TEXT NOT NULL,
    PRIMARY KEY (pelapor, tahun)
);
