-- kinerja, skema 4 (PostgreSQL): versi setiap kumpulan data, dinaikkan oleh setiap penulisan, agar
-- salinan di memori server dapat dipakai selama versinya sama.
CREATE TABLE versi_data (
    pelapor TEXT PRIMARY KEY,
    versi   BIGINT NOT NULL
);
INSERT INTO versi_data (pelapor, versi) SELECT DISTINCT pelapor, 1 FROM cakupan;
