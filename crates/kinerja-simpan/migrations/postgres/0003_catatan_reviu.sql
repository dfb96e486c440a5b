-- kinerja, skema 3 (PostgreSQL): catatan pereviu (inspektorat) atas data satu instansi dan tahun.
CREATE TABLE catatan_reviu (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pelapor  TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    tahun    INTEGER NOT NULL,
    pengguna TEXT NOT NULL,
    waktu    TIMESTAMPTZ NOT NULL,
    isi      TEXT NOT NULL
);
CREATE INDEX catatan_reviu_tahun ON catatan_reviu (pelapor, tahun);
