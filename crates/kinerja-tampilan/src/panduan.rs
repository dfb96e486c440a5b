//! The Panduan's screenshots. The browser test `kinerja-e2e/tests/siklus.rs` takes them while
//! it walks the year (one element of a page each, at 1280 px) and fails when a page changed
//! since its image was made (`panduan/sidik.txt`); `KINERJA_PERBARUI_PANDUAN=1` regenerates
//! them. They are embedded here so the binary serves them (`/panduan/gambar/{gambar}`) without
//! a folder beside it; `tests.rs` holds them to a size budget.

use kinerja_grafik::esc;

pub struct Gambar {
    pub nama: &'static str,
    pub png: &'static [u8],
    /// What the image shows, for a reader who cannot see it.
    pub alt: &'static str,
    pub keterangan: &'static str,
}

macro_rules! gambar {
    ($nama:literal, $alt:literal, $ket:literal) => {
        Gambar {
            nama: $nama,
            png: include_bytes!(concat!("../panduan/", $nama, ".png")),
            alt: $alt,
            keterangan: $ket,
        }
    };
}

pub const GAMBAR: &[Gambar] = &[
    gambar!(
        "renstra-indikator",
        "Formulir Tambah indikator di bawah sasaran 3 pada halaman Ubah Renstra: uraian \
         indikator, satuan persen, polaritas positif, dan target 80 untuk tahun 2021.",
        "Ubah Renstra: indikator baru dengan satuan, polaritas dan target tiap tahun."
    ),
    gambar!(
        "pk-tanda-tangan",
        "Bagian atas halaman Perjanjian Kinerja tahun 2021 yang dibuka pimpinan: tombol unduh \
         PDF untuk ditandatangani dan tombol Tandai sudah ditandatangani.",
        "Perjanjian Kinerja: pimpinan menandai PK yang sudah ditandatangani."
    ),
    gambar!(
        "realisasi",
        "Tabel isian realisasi tahun 2021: setiap indikator dengan kolom triwulan I sampai IV \
         dan tahunan; realisasi tahunan indikator baru diisi 70.",
        "Isian realisasi: satu kolom per triwulan dan tahunan."
    ),
    gambar!(
        "dasbor-sasaran",
        "Tabel capaian per sasaran pada dasbor tahun 2021; sasaran baru tercapai 87,50 persen.",
        "Dasbor: capaian sasaran dihitung dari indikatornya."
    ),
    gambar!(
        "laporan-unduh",
        "Bagian unduhan halaman Laporan Kinerja: tautan PDF, DOCX, XLSX dan pratinjau laporan.",
        "Laporan Kinerja: unduh laporan yang disusun dari data."
    ),
    gambar!(
        "skm-pratinjau",
        "Pratinjau survei kepuasan yang diunggah: nilai indeks 83,33 dengan mutu B dari 4 \
         responden, tabel nilai per unsur, grafik, dan tombol Lampirkan.",
        "Survei kepuasan: pratinjau sebelum dilampirkan ke indikator."
    ),
    gambar!(
        "dasbor-indikator",
        "Tabel capaian per indikator pada dasbor tahun 2021: nilai SKM 83,33 dari survei dengan \
         capaian 92,59 persen, dan indikator baru dengan capaian 87,50 persen.",
        "Dasbor: realisasi dari survei dan capaian tiap indikator."
    ),
    gambar!(
        "reviu",
        "Halaman reviu tahun 2021 yang dibuka pereviu: jumlah temuan per tingkat, saringan \
         tingkat dan aturan, dan daftar temuan dengan angka tercatat dan hasil hitung.",
        "Reviu: temuan dikelompokkan per tingkat dan aturan."
    ),
];

pub fn gambar(nama: &str) -> Option<&'static Gambar> {
    GAMBAR.iter().find(|g| g.nama == nama)
}

/// Width and height from a PNG's header (`IHDR`, the first chunk).
pub fn ukuran(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let u = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    Some((u(16), u(20)))
}

/// The figure of image `nama` in the guide; a name without an image says so on the page (and
/// fails the guide's test).
pub(crate) fn figur(nama: &str) -> String {
    let Some(g) = gambar(nama) else {
        return format!(
            "<p class=\"pesan pesan-galat\">gambar panduan tidak ada: {}</p>",
            esc(nama)
        );
    };
    let (l, t) = ukuran(g.png).unwrap_or((1024, 600));
    format!(
        "<figure class=\"panduan-gambar\"><img src=\"/panduan/gambar/{}.png\" alt=\"{}\" \
         width=\"{l}\" height=\"{t}\" loading=\"lazy\"><figcaption>{}</figcaption></figure>",
        g.nama,
        esc(g.alt),
        esc(g.keterangan)
    )
}
