-- kinerja, skema 2 (PostgreSQL): akun pengguna, sesi masuk, dan alur persetujuan per periode.

CREATE TABLE pengguna (
    nama     TEXT PRIMARY KEY,
    hash     TEXT NOT NULL,      -- argon2id, PHC string
    peran    TEXT NOT NULL CHECK (peran IN ('admin', 'operator', 'pimpinan', 'pereviu')),
    instansi TEXT REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    dibuat   TIMESTAMPTZ NOT NULL
);

CREATE TABLE sesi (
    token       TEXT PRIMARY KEY,    -- SHA-256 of the cookie value, never the value itself
    pengguna    TEXT NOT NULL REFERENCES pengguna (nama) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    kedaluwarsa TIMESTAMPTZ NOT NULL
);

-- Draf (tanpa baris) -> diajukan -> disetujui (terkunci); buka kunci kembali ke draf.
CREATE TABLE status_periode (
    pelapor TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    tahun   INTEGER NOT NULL,
    periode TEXT NOT NULL,
    status  TEXT NOT NULL CHECK (status IN ('diajukan', 'disetujui')),
    oleh    TEXT NOT NULL,
    waktu   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pelapor, tahun, periode)
);
