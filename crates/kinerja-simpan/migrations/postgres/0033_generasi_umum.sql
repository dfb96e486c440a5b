-- kinerja, skema 33: generasi umum, dinaikkan oleh setiap transaksi yang mengubah baris di luar
-- kumpulan data (akun, sesi, token, catatan, ...) dan oleh penulisan kumpulan data yang mengubah
-- rekaman instansi atau membuat kumpulan data baru. Halaman yang hanya membaca satu kumpulan data
-- (versi_data) dan data umum tetap berlaku ketika instansi lain menyimpan.
ALTER TABLE generasi ADD COLUMN umum BIGINT NOT NULL DEFAULT 1;
