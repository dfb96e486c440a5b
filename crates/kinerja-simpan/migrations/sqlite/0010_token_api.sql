-- kinerja, skema 10 (SQLite): token API per pengguna, agar mesin tidak mengirim kata sandi.
-- Hanya SHA-256 token yang disimpan; token dicabut ditandai (riwayatnya tetap terbaca).

CREATE TABLE token_api (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    digest   TEXT NOT NULL UNIQUE,   -- SHA-256 of the token, hex; never the token itself
    pengguna TEXT NOT NULL REFERENCES pengguna (nama) ON DELETE CASCADE,
    label    TEXT NOT NULL,
    dibuat   TEXT NOT NULL,
    terakhir TEXT,                   -- last use, to the minute
    dicabut  TEXT                    -- revoked at; NULL while valid
);
CREATE INDEX token_api_pengguna ON token_api (pengguna);
