//! The `Petunjuk` sheet: how to fill the workbook in, in Bahasa Indonesia, and the instansi and
//! year it belongs to (the cells `baca` checks).

use crate::tulis::{Gaya, kunci};
use crate::{LEMBAR_PETUNJUK, SEL_INSTANSI, SEL_TAHUN};
use kinerja_core::model::Instansi;
use kinerja_core::waktu::Tahun;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

const PETUNJUK: &[&str] = &[
    "Cara mengisi",
    "1. Isi hanya sel putih. Sel abu-abu (Id, kode, nama) dikunci: sel itu menghubungkan baris dengan data, jangan diubah.",
    "2. Angka boleh diketik sebagai angka atau sebagai teks cara Indonesia: 1.234.567,89 ; 85 % ; Rp 1.000.000.",
    "3. Sel kosong berarti belum ada nilai. Mengosongkan sel yang berisi menghapus nilainya (nilai lama tetap tercatat di jejak audit).",
    "4. Renstra: uraian, satuan, polaritas (positif, negatif, rentang), kondisi awal (tahun sebelum periode Renstra) dan target Renstra tiap tahun setiap indikator.",
    "5. PK: target Perjanjian Kinerja tahun ini dan tanggal penandatanganannya.",
    "6. Realisasi: nilai setiap indikator per triwulan dan setahun. Nilai kualitatif boleh, mis. B (80 %), dan rentang 80 - 90.",
    "7. Anggaran: Pagu = APBD murni; Pagu Perubahan = APBD-P bila ada (serapan dihitung terhadap pagu yang berlaku). \
     Isi realisasi per bulan Januari sampai Desember; bila hanya ada angka setahun, isi Realisasi Setahun. Jangan keduanya. \
     Jumlah Realisasi dihitung sendiri.",
    "7a. Data Elemen (bila ada): angka mentah (mis. jumlah desa) per triwulan dan setahun; realisasi indikator berumus dihitung darinya.",
    "7b. Baris baru: di bawah data Renstra dan Anggaran ada baris kosong yang terbuka. Kosongkan kolom Id. \
     Indikator baru: isi Id Pemilik (id tujuan, sasaran, program atau kegiatan, seperti di baris lain), uraian, polaritas dan targetnya. \
     Pos anggaran baru: isi Kode sub kegiatan (mis. 1.01.01.2.01.0001; sub kegiatan baru di bawah kegiatan yang ada dibuat dengan nama dari kolom Sub Kegiatan) \
     atau kode kegiatan, Jenis Belanja dan Pagu. Mengimpor berkas yang sama dua kali tidak menambah dua kali.",
    "7c. Responden SKM: satu baris per responden survei tahun ini, jawaban 1-4 per unsur (label kuesioner juga dibaca). \
     Data menyimpan jumlah jawaban per unsur, bukan per responden: lembar yang diisi MENGGANTI jumlah jawaban survei di sel Id Survei, \
     jadi isi semua responden periodenya. Lembar kosong tidak mengubah apa pun.",
    "8. Jangan mengganti nama lembar atau judul kolom. Kolom atau lembar tambahan diabaikan (dengan peringatan).",
    "9. Impor: kinerja impor BERKAS.xlsx (atau halaman impor di web). Bila ada satu masalah, seluruh berkas ditolak dan \
     tidak ada yang berubah; setiap masalah disebut dengan selnya, mis. Realisasi!E14.",
];

pub(crate) fn tulis(
    ws: &mut Worksheet,
    g: &Gaya,
    ins: &Instansi,
    tahun: Tahun,
) -> Result<(), XlsxError> {
    ws.set_name(LEMBAR_PETUNJUK)?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 110)?;
    ws.write_string_with_format(0, 0, "Lembar kerja isian kinerja (SAKIP)", &g.judul)?;
    ws.write_string(1, 0, "Nama instansi")?;
    ws.write_string_with_format(1, 1, &ins.nama, &g.kunci)?;
    let (r, c) = SEL_INSTANSI;
    ws.write_string(r, 0, "Id instansi")?;
    ws.write_string_with_format(r, c, ins.id.as_str(), &g.kunci)?;
    let (r, c) = SEL_TAHUN;
    ws.write_string(r, 0, "Tahun")?;
    ws.write_number_with_format(r, c, tahun.get(), &g.kunci)?;
    for (i, t) in PETUNJUK.iter().enumerate() {
        let r = 6 + i as u32;
        if i == 0 {
            ws.write_string_with_format(r, 0, *t, &g.judul)?;
        } else {
            ws.merge_range(r, 0, r, 1, t, &Format::new().set_text_wrap())?;
            ws.set_row_height(r, if t.len() > 120 { 45 } else { 18 })?;
        }
    }
    kunci(ws);
    Ok(())
}
