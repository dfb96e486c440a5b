-- kinerja, skema 30: generasi basis data, dinaikkan oleh setiap transaksi yang mengubah baris
-- (apa pun tabelnya, proses mana pun yang menulis). Server memakai ulang halaman yang sudah
-- dihitung selama generasinya sama.
CREATE TABLE generasi (
    satu INTEGER PRIMARY KEY CHECK (satu = 1),
    n    BIGINT NOT NULL
);
INSERT INTO generasi (satu, n) VALUES (1, 1);
