-- kinerja, skema 13 (PostgreSQL): pagu perubahan (APBD-P) di samping pagu murni, dan realisasi per bulan
-- (Januari = realisasi_01) seperti dilaporkan sistem anggaran daerah. Kolom `realisasi` tetap
-- memuat realisasi setahun (jumlah bulan-bulannya bila pos melaporkan per bulan) agar rekap SQL
-- tidak berubah; NULL pada kolom bulan = bulan itu belum dilaporkan.
ALTER TABLE pos_anggaran
    ADD COLUMN pagu_perubahan NUMERIC(20,2),
    ADD COLUMN realisasi_01 NUMERIC(20,2),
    ADD COLUMN realisasi_02 NUMERIC(20,2),
    ADD COLUMN realisasi_03 NUMERIC(20,2),
    ADD COLUMN realisasi_04 NUMERIC(20,2),
    ADD COLUMN realisasi_05 NUMERIC(20,2),
    ADD COLUMN realisasi_06 NUMERIC(20,2),
    ADD COLUMN realisasi_07 NUMERIC(20,2),
    ADD COLUMN realisasi_08 NUMERIC(20,2),
    ADD COLUMN realisasi_09 NUMERIC(20,2),
    ADD COLUMN realisasi_10 NUMERIC(20,2),
    ADD COLUMN realisasi_11 NUMERIC(20,2),
    ADD COLUMN realisasi_12 NUMERIC(20,2);
