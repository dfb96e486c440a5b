-- kinerja, skema 33 (PostgreSQL): data element values (`[[nilai_data]]`, what formula
-- indicators' realisasi is computed from) get typed columns like realisasi, instead of one JSON
-- row each in `rekaman`: a roll-up over a province or the nation reads a year's values by
-- column, without parsing JSON. `nilai` is the exact decimal as text ("1234.5"); the record's
-- file form ("1.234,5") is made from it when read.
CREATE TABLE nilai_data (
    pelapor  TEXT NOT NULL REFERENCES instansi (id) DEFERRABLE INITIALLY DEFERRED,
    elemen   TEXT NOT NULL,
    instansi TEXT NOT NULL,
    tahun    INTEGER NOT NULL,
    periode  TEXT NOT NULL,
    nilai    TEXT NOT NULL,
    sumber   TEXT,
    catatan  TEXT,
    urutan   INTEGER NOT NULL,
    PRIMARY KEY (pelapor, elemen, instansi, tahun, periode)
);
CREATE INDEX nilai_data_tahun ON nilai_data (tahun, pelapor);

INSERT INTO nilai_data (pelapor, elemen, instansi, tahun, periode, nilai, sumber, catatan, urutan)
SELECT pelapor, isi ->> 'elemen', isi ->> 'instansi', CAST(isi ->> 'tahun' AS INTEGER),
       COALESCE(isi ->> 'periode', 'tahunan'),
       replace(replace(isi ->> 'nilai', '.', ''), ',', '.'),
       isi ->> 'sumber', isi ->> 'catatan', urutan
FROM rekaman WHERE tabel = 'nilai_data';
DELETE FROM rekaman WHERE tabel = 'nilai_data';
