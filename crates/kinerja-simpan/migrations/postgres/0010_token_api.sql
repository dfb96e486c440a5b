-- kinerja, skema 10 (PostgreSQL): token API per pengguna, agar mesin tidak mengirim kata sandi.
-- Hanya SHA-256 token yang disimpan; token dicabut ditandai (riwayatnya tetap terbaca).

CREATE TABLE token_api (
    id       BIGSERIAL PRIMARY KEY,
    digest   TEXT NOT NULL UNIQUE,   -- SHA-256 of the token, hex; never the token itself
    pengguna TEXT NOT NULL REFERENCES pengguna (nama) ON DELETE CASCADE,
    label    TEXT NOT NULL,
    dibuat   TIMESTAMPTZ NOT NULL,
    terakhir TIMESTAMPTZ,            -- last use, to the minute
    dicabut  TIMESTAMPTZ             -- revoked at; NULL while valid
);
CREATE INDEX token_api_pengguna ON token_api (pengguna);
