-- kinerja, skema 35 (SQLite). PostgreSQL's migration 35 also stores the audit's old and new
-- values as `json` instead of `jsonb` and checks the data tables' references to `instansi`
-- once per statement instead of once per row, for its bulk load (COPY); SQLite keeps both as
-- they are (the audit values are TEXT already, and it has no bulk load), with the same
-- behaviour: a reference to a missing instansi, or a removed instansi still referenced,
-- refuses the transaction at commit.

-- Each data set's summary for the indicator roll-up (`RingkasUnit`, as JSON), by year,
-- labelled with the data set's version it was made at and the program's summary format:
-- derived data, used only while both are current (`ringkas.rs`), so a fresh process reads one
-- small row per unit instead of every data set's tables. Not a foreign key: a summary
-- outliving its data set is never read (no version to match).
CREATE TABLE ringkas_rekap (
    pelapor TEXT NOT NULL,
    tahun   INTEGER NOT NULL,
    versi   INTEGER NOT NULL,
    format  INTEGER NOT NULL,
    isi     TEXT NOT NULL,
    PRIMARY KEY (pelapor, tahun)
);
