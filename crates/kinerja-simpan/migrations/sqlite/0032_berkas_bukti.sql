-- kinerja, skema 32 (SQLite): berkas bukti dukung Evaluasi AKIP yang diunggah, disimpan sekali per
-- isi (kunci: SHA-256 isinya); jawaban evaluasi menyebut berkasnya dengan nama dan SHA-256.
CREATE TABLE berkas_bukti (
    sha256 TEXT PRIMARY KEY,      -- 64 hexadecimal digits of the content's SHA-256
    jenis  TEXT NOT NULL,         -- the content type read from the bytes, never the client's
    ukuran INTEGER NOT NULL,
    isi    BLOB NOT NULL
);
