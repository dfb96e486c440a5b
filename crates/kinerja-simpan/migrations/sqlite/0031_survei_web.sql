-- kinerja, skema 31 (SQLite): Survei Kepuasan Masyarakat yang diisi di web kinerja
-- (/survei/{instansi}): satu baris per responden, dengan kunci penanda tangan formulir.
CREATE TABLE responden_skm (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    tahun    INTEGER NOT NULL,
    layanan  TEXT NOT NULL,          -- the service the survey's address names ('' = none)
    waktu    TEXT NOT NULL,
    detik    BIGINT NOT NULL,        -- the same moment in Unix seconds, for time windows
    token    TEXT NOT NULL UNIQUE,   -- SHA-256 of the form token: one answer per form
    alamat   TEXT NOT NULL,          -- SHA-256 of the client address, never the address
    sidik    TEXT NOT NULL,          -- the answer set, for duplicate detection
    isian    TEXT NOT NULL           -- the answers and profile, JSON
);
CREATE INDEX responden_skm_periode ON responden_skm (instansi, tahun);
CREATE INDEX responden_skm_alamat ON responden_skm (alamat, detik);

-- The key the form tokens are signed with: random, made once per database, so several
-- servers on one database accept each other's forms.
CREATE TABLE kunci_survei (
    satu  INTEGER PRIMARY KEY CHECK (satu = 1),
    kunci TEXT NOT NULL
);
INSERT INTO kunci_survei (satu, kunci) VALUES (1, lower(hex(randomblob(32))));
