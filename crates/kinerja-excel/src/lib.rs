//! Workbooks that operators fill in: a template pre-filled with an instansi's data for one year
//! (`templat`), and the import of such a workbook back (`baca`, then `terapkan` onto the data
//! set; `ubah` does both for a caller holding bytes, such as the web's import page).
//!
//! The layout is one sheet per part of the cycle: `Petunjuk` (instructions in Bahasa Indonesia,
//! and the instansi and year the workbook belongs to), `Renstra` (indicators and their Renstra
//! targets per year), `PK` (the year's Perjanjian Kinerja targets and signing date),
//! `Realisasi` (indicator x triwulan) and `Anggaran` (budget lines: program, kegiatan and sub
//! kegiatan with their codes, pagu, pagu perubahan, realisasi January to December), and, when the
//! data defines data elements, `Data Elemen` (element x triwulan: the raw counts formula
//! indicators are computed from, `elemen`), and `Responden SKM` (one row per respondent of the
//! year's survey, whose counts a filled sheet replaces, `responden`). Key columns
//! (ids, codes, names) are locked; choices are drop-down lists; money has a display format that
//! an Indonesian locale shows as `1.674.830.966,58`.
//!
//! Reading is all or nothing: every problem of the whole workbook is collected, each with the
//! sheet, cell (`Realisasi!E14`), column header, the value found and what was expected, and any
//! problem refuses the whole file. Columns are found by their header text, so reordered columns
//! still read; unknown columns and sheets are warnings. Numbers typed as text the Indonesian way
//! (`1.234.567,89`, `85 %`, `Rp 1.000.000`), dates (Excel serial dates or `15 Januari 2021`),
//! merged cells (the value of the merged area's first cell), formulas (their cached values) and
//! empty trailing rows are read.
//!
//! Applying is an overlay: a value equal to the stored one (the same number, whatever its
//! spelling) leaves the record untouched, so a template imported back unchanged is no change, and
//! one value changed is one changed record. An empty cell where the data has a value removes it
//! (the store keeps the old value in its audit trail). Only the crate's callers write: the command
//! line and the web hand the result to the store's one write path (`Toko::terapkan`).

mod baca;
mod baru;
mod elemen;
mod esakip;
mod lembar;
mod petunjuk;
mod responden;
mod sel;
mod terap;
mod tulis;

pub use baca::{Buku, baca};
pub use elemen::BarisDataElemen;
pub use esakip::{BarisPeta, Cocok, Esakip, baca_esakip, petakan, terapkan_esakip};
pub use responden::LembarResponden;
pub use terap::terapkan;
pub use tulis::templat;

use kinerja_core::model::DataInstansi;
use std::fmt;

pub const LEMBAR_PETUNJUK: &str = "Petunjuk";
pub const LEMBAR_RENSTRA: &str = "Renstra";
pub const LEMBAR_PK: &str = "PK";
pub const LEMBAR_REALISASI: &str = "Realisasi";
pub const LEMBAR_ANGGARAN: &str = "Anggaran";
pub const LEMBAR_DATA_ELEMEN: &str = "Data Elemen";
pub const LEMBAR_RESPONDEN_SKM: &str = "Responden SKM";

/// The cells of `Petunjuk` that name the instansi and the year (0-based row, column 1 = B).
pub(crate) const SEL_INSTANSI: (u32, u16) = (2, 1);
pub(crate) const SEL_TAHUN: (u32, u16) = (3, 1);
/// The cell of `PK` holding the signing date.
pub(crate) const SEL_TANGGAL_PK: (u32, u16) = (1, 1);
/// Row (0-based) of the column headers on the data sheets; data starts below it.
pub(crate) const BARIS_KEPALA: u32 = 3;

/// One problem (or warning) of a workbook, located as precisely as the workbook allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    pub lembar: String,
    /// The cell, `E14`.
    pub sel: Option<String>,
    /// The column's header.
    pub kolom: Option<String>,
    /// The value found, as the cell shows it.
    pub nilai: Option<String>,
    /// What is wrong and what was expected.
    pub pesan: String,
}

impl fmt::Display for Masalah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lembar)?;
        if let Some(s) = &self.sel {
            write!(f, "!{s}")?;
        }
        if let Some(k) = &self.kolom {
            write!(f, " (kolom \"{k}\")")?;
        }
        f.write_str(": ")?;
        if let Some(n) = &self.nilai {
            write!(f, "berisi \"{n}\"; ")?;
        }
        f.write_str(&self.pesan)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GalatTemplat {
    #[error("instansi \"{0}\" tidak ada dalam data")]
    TidakAda(String),
    #[error("lembar kerja tidak dapat ditulis: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// What an import of a workbook would make of a data set: the whole new data set (the store
/// diffs it record by record, so a preview can show the same differences) and the warnings.
#[derive(Debug, Clone)]
pub struct HasilImpor {
    pub data: DataInstansi,
    pub peringatan: Vec<Masalah>,
}

/// Workbook bytes onto `lama` (the data set of the instansi the workbook names): the change
/// set as the new data set, or every problem. A caller that writes reads the workbook with
/// `baca` and hands `terapkan` to the store (`Toko::ubah_data(pelapor, pelaku, |d|
/// terapkan(d, &buku))`, as `kinerja impor` does); a preview calls this on the current data set
/// and diffs the result record by record (`rekaman::pecah`) as the store will.
pub fn ubah(isi: &[u8], lama: &DataInstansi) -> Result<HasilImpor, Vec<Masalah>> {
    let buku = baca(isi)?;
    let data = terapkan(lama, &buku)?;
    Ok(HasilImpor {
        data,
        peringatan: buku.peringatan,
    })
}

/// The messages of `masalah`, one a line, with a count: for a person reading a terminal or page.
pub fn uraikan(masalah: &[Masalah]) -> String {
    let mut s = format!("lembar kerja ditolak ({} masalah):", masalah.len());
    for m in masalah {
        s.push_str("\n  ");
        s.push_str(&m.to_string());
    }
    s
}
