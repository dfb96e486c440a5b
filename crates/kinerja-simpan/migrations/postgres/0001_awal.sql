-- kinerja, skema 1 (PostgreSQL). Uang: NUMERIC(20,2), tepat.

-- Instansi dan hierarkinya (kabupaten -> OPD/kecamatan -> unit; desa di bawah kecamatan).
CREATE TABLE instansi (
    id      TEXT PRIMARY KEY,
    nama    TEXT NOT NULL,
    jenis   TEXT NOT NULL,
    induk   TEXT,
    kode    TEXT,
    alamat  TEXT,
    catatan TEXT
);
CREATE INDEX instansi_induk ON instansi (induk);

-- Satu kumpulan data per instansi pelapor; `cakupan` = instansi yang dimuat berkasnya (induk,
-- unit), dengan urutannya, agar ekspor mengembalikan berkas yang sama.
CREATE TABLE cakupan (
    pelapor  TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    instansi TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    urutan   INTEGER NOT NULL,
    PRIMARY KEY (pelapor, instansi)
);

CREATE TABLE target (
    pelapor   TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    indikator TEXT NOT NULL,
    tahun     INTEGER NOT NULL,
    dokumen   TEXT NOT NULL,
    nilai     TEXT NOT NULL,
    uraian    TEXT,
    catatan   TEXT,
    urutan    INTEGER NOT NULL,
    PRIMARY KEY (pelapor, indikator, tahun, dokumen)
);

CREATE TABLE realisasi (
    pelapor   TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    indikator TEXT NOT NULL,
    tahun     INTEGER NOT NULL,
    periode   TEXT NOT NULL,
    nilai     TEXT NOT NULL,
    sumber    TEXT,
    catatan   TEXT,
    urutan    INTEGER NOT NULL,
    PRIMARY KEY (pelapor, indikator, tahun, periode)
);

CREATE TABLE pos_anggaran (
    pelapor        TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    id             TEXT NOT NULL,
    tahun          INTEGER NOT NULL,
    tempat         TEXT NOT NULL,
    tempat_id      TEXT,
    jenis          TEXT NOT NULL,
    pagu           NUMERIC(20,2) NOT NULL,
    realisasi      NUMERIC(20,2),    -- NULL = belum dilaporkan
    catatan        TEXT,
    urutan         INTEGER NOT NULL,
    PRIMARY KEY (pelapor, id)
);
CREATE INDEX pos_anggaran_tahun ON pos_anggaran (tahun, pelapor);

-- Semua tabel lain model (renstra, sasaran, indikator, PK, IKU, SKM, narasi, angka tercatat...):
-- satu baris per rekaman, isinya JSON dari tipe domain.
CREATE TABLE rekaman (
    pelapor TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    tabel   TEXT NOT NULL,
    kunci   TEXT NOT NULL,
    isi     JSONB NOT NULL,
    urutan  INTEGER NOT NULL,
    PRIMARY KEY (pelapor, tabel, kunci)
);

-- Jejak audit: setiap perubahan, tak pernah dihapus. lama/baru = JSON rekaman domain.
CREATE TABLE jejak (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    waktu     TIMESTAMPTZ NOT NULL,
    pengguna  TEXT NOT NULL,
    pelapor   TEXT NOT NULL,
    tabel     TEXT NOT NULL,
    kunci     TEXT NOT NULL,
    aksi      TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    lama      JSONB,
    baru      JSONB,
    sumber    TEXT NOT NULL
);
CREATE INDEX jejak_rekaman ON jejak (pelapor, tabel, kunci);
