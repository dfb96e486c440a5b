-- kinerja, skema 13 (SQLite): pagu perubahan (APBD-P) di samping pagu murni, dan realisasi per bulan
-- (Januari = realisasi_01) seperti dilaporkan sistem anggaran daerah. Kolom `realisasi` tetap
-- memuat realisasi setahun (jumlah bulan-bulannya bila pos melaporkan per bulan) agar rekap SQL
-- tidak berubah; NULL pada kolom bulan = bulan itu belum dilaporkan.
ALTER TABLE pos_anggaran ADD COLUMN pagu_perubahan INTEGER; -- sen
ALTER TABLE pos_anggaran ADD COLUMN realisasi_01 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_02 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_03 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_04 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_05 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_06 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_07 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_08 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_09 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_10 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_11 INTEGER;
ALTER TABLE pos_anggaran ADD COLUMN realisasi_12 INTEGER;
