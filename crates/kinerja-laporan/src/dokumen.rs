//! The report as a document: chapters of blocks (headings, paragraphs, lists, tables with typed
//! cells, charts, signature blocks). Composed once from the data (`susun`); every renderer (PDF,
//! DOCX, XLSX, HTML) prints the same document, so the formats cannot disagree.
//!
//! Cells carry exact values and how to print them; renderers format numbers the Indonesian way
//! (`kinerja_core::angka`), XLSX writes them as numbers. A missing figure is `Sel::TidakTersedia`
//! and prints "data tidak tersedia", never blank or 0.

use kinerja_core::uang::Rupiah;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dokumen {
    /// "LAPORAN KINERJA"
    pub judul: String,
    /// "KECAMATAN MUMBULSARI"
    pub instansi: String,
    /// "KABUPATEN JEMBER"
    pub induk: Option<String>,
    pub tahun: u16,
    /// "Jember, Januari 2021"
    pub tempat_tanggal: Option<String>,
    pub penandatangan: Option<TandaTangan>,
    /// A short fingerprint of the data the report came from (first 12 hex digits of SHA-256 of
    /// the canonical data file), printed on the cover and in the footer.
    pub sidik: String,
    /// kinerja's version, printed with the fingerprint.
    pub versi: String,
    /// Set when the report was made past open reviu errors (`paksa`): it is a draft, and every
    /// renderer marks it so (a DRAF watermark or header) with this text.
    pub draf: Option<String>,
    /// Chapters in order: Kata Pengantar, Ikhtisar Eksekutif, Bab I-IV, then Lampiran.
    pub bab: Vec<Bab>,
    /// The pemda's emblem for the cover, when the data has one.
    pub logo: Option<crate::logo::Logo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisBab {
    /// Front matter, numbered with roman page numbers (Kata Pengantar, Ikhtisar Eksekutif).
    Awal,
    /// Bab I-IV.
    Bab,
    Lampiran,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bab {
    pub jenis: JenisBab,
    /// "I", "II" for chapters; "1", "2" for lampiran; None for front matter.
    pub nomor: Option<String>,
    /// "PENDAHULUAN"
    pub judul: String,
    /// The chapter is set on landscape pages (wide matrices).
    pub lanskap: bool,
    pub isi: Vec<Blok>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Blok {
    /// A heading inside a chapter; `tingkat` 1 = "A. ...", 2 = "1. ...", 3 = lower.
    Judul {
        tingkat: u8,
        teks: String,
    },
    Paragraf {
        teks: String,
    },
    Daftar {
        bernomor: bool,
        butir: Vec<String>,
    },
    Tabel(Tabel),
    Grafik(Grafik),
    /// One signature block (kata pengantar, IKU decree).
    TandaTangan(TandaTangan),
    /// Two parties side by side (Perjanjian Kinerja): pihak kedua left, pihak pertama right.
    DuaPihak {
        kiri: TandaTangan,
        kanan: TandaTangan,
    },
    /// A small print note under a table or chart (source, formula, rounding rule).
    Catatan {
        teks: String,
    },
    /// Start the next block on a new page.
    HalamanBaru,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TandaTangan {
    /// "Jember, Januari 2021"; None when the block has no place and date of its own.
    pub tempat_tanggal: Option<String>,
    /// "Pihak Pertama", "Pihak Kedua"; None for a single signature.
    pub peran: Option<String>,
    /// "CAMAT MUMBULSARI"
    pub jabatan: String,
    pub nama: String,
    /// "Pembina Tingkat I"
    pub pangkat: Option<String>,
    /// "19671229 199303 1 008"
    pub nip: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tabel {
    /// Short name, unique in the document, used as the XLSX sheet name (at most 31 characters):
    /// "Tabel 3.1", "Lampiran 1".
    pub nama: String,
    /// The caption: "Tabel 3.1 Pengukuran Kinerja Tahun 2020".
    pub judul: String,
    pub kolom: Vec<Kolom>,
    pub baris: Vec<Baris>,
    /// Printed under the table: source of data, formula, rounding.
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kolom {
    pub judul: String,
    /// Relative width (renderers scale to the page); text columns are wider.
    pub lebar: u8,
    pub rata_kanan: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baris {
    pub sel: Vec<Sel>,
    /// A total or group row, printed bold.
    pub tebal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "jenis", content = "nilai", rename_all = "snake_case")]
pub enum Sel {
    Teks(String),
    /// A number with the decimals to print.
    Angka {
        nilai: Decimal,
        desimal: u32,
    },
    /// Money, printed with two decimals.
    Rupiah(Rupiah),
    /// A percentage, printed with two decimals and " %".
    Persen(Decimal),
    /// Printed "data tidak tersedia" (or the reason given).
    TidakTersedia(Option<String>),
    Kosong,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grafik {
    pub judul: String,
    /// A self-contained SVG (fonts: "DejaVu Sans"), readable without colour.
    pub svg: String,
    /// Suggested width in millimetres on an A4 portrait page.
    pub lebar_mm: u16,
}

impl Sel {
    pub fn teks(s: impl Into<String>) -> Sel {
        Sel::Teks(s.into())
    }
    /// What the cell prints, the Indonesian way (renderers with typed cells may do better).
    pub fn cetak(&self) -> String {
        use kinerja_core::angka::{format_angka, format_persen};
        match self {
            Sel::Teks(s) => s.clone(),
            Sel::Angka { nilai, desimal } => format_angka(*nilai, *desimal),
            Sel::Rupiah(r) => format_angka(r.nilai(), 2),
            Sel::Persen(p) => format_persen(*p, 2),
            Sel::TidakTersedia(None) => "data tidak tersedia".into(),
            Sel::TidakTersedia(Some(s)) => format!("data tidak tersedia ({s})"),
            Sel::Kosong => String::new(),
        }
    }
}

impl Dokumen {
    /// The kind of document as running text, for page footers: "Laporan Kinerja" from the title
    /// "LAPORAN KINERJA", "Laporan Survei Kepuasan Masyarakat" from the SKM report's.
    pub fn nama_jenis(&self) -> String {
        self.judul
            .split_whitespace()
            .map(|k| {
                let k = k.to_lowercase();
                let mut c = k.chars();
                c.next()
                    .map(|a| a.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every table in document order (the XLSX workbook has one sheet for each).
    pub fn tabel(&self) -> impl Iterator<Item = &Tabel> {
        self.bab
            .iter()
            .flat_map(|b| &b.isi)
            .filter_map(|b| match b {
                Blok::Tabel(t) => Some(t),
                _ => None,
            })
    }
}
