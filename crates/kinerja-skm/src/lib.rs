//! SKM adapter: reads survey data from files. The SKM chart is `kinerja_grafik::skm`.
//!
//! - [`baca`]: one entry point for every file kind. A `.toml` file, or a CSV whose header has an
//!   `unsur` column, is a per-unsur table (distribution, counts, NRR or published scores; see
//!   [`tabel`]); any other CSV, or an XLSX/XLS/ODS sheet, is one row per respondent (see
//!   [`responden`]).
//!
//! # Invariants
//! - All computation is `kinerja_core::skm`; this crate only turns files into core values.
//! - Respondent files are streamed: memory grows with unsur x groups, not with respondents. A
//!   large CSV is read in pieces by several threads, each through its own buffer, with the
//!   result a single reader gets (see `potong.rs`).
//! - A file with a bad row yields an error naming every bad row and column, and nothing is
//!   computed, unless the caller asks to skip bad rows; then every skipped row is returned.

mod bit;
mod cacah;
mod csv_berkas;
mod kenal;
mod kepala;
mod label;
pub mod peta;
mod pindai;
mod potong;
pub mod responden;
mod singgah;
pub mod tabel;

use std::fmt;
use std::path::Path;

use kinerja_core::skm::{GalatSkm, HasilSkm, Kuesioner, Opsi, Regime};
use serde::Serialize;

pub use kepala::AsalKolom;
pub use label::{CaraJawab, NilaiTerbaca};
pub use peta::PetaInstansi;
pub use responden::{
    BacaanResponden, KolomUnsur, baca_responden, baca_responden_csv, baca_responden_lembar,
};
pub use tabel::{TabelUnsur, baca_tabel_csv, baca_tabel_toml};

/// Options of reading.
#[derive(Debug, Clone, Default)]
pub struct OpsiBaca {
    /// The regime asked for; `None`: the file's own, else recognised from the columns.
    pub regime: Option<Regime>,
    /// Skip bad rows (and list them) instead of refusing the file.
    pub lewati_baris_buruk: bool,
    /// The instansi's own questionnaire: columns, answer labels, profile columns.
    pub peta: Option<PetaInstansi>,
}

/// One problem in one cell (or, without `kolom`, in the row as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MasalahSel {
    /// 1-based column number, as a spreadsheet counts.
    pub kolom: Option<usize>,
    /// Column letter (`C`), as a spreadsheet shows it.
    pub huruf: Option<String>,
    pub nama_kolom: Option<String>,
    pub nilai: String,
    pub pesan: String,
}

/// A row that could not be used. `baris` is the line (CSV) or row (XLSX) number as the file
/// shows it: the header is row 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BarisBuruk {
    pub baris: u64,
    pub masalah: Vec<MasalahSel>,
}

impl fmt::Display for BarisBuruk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "baris {}: ", self.baris)?;
        for (i, m) in self.masalah.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if let Some(k) = m.kolom {
                write!(f, "kolom {k}")?;
                match (&m.huruf, &m.nama_kolom) {
                    (Some(h), Some(n)) => write!(f, " ({h}, {n})")?,
                    (None, Some(n)) => write!(f, " ({n})")?,
                    _ => {}
                }
                f.write_str(": ")?;
            }
            f.write_str(&m.pesan)?;
        }
        Ok(())
    }
}

/// How many bad rows an error message shows (the error value holds all of them).
pub const BARIS_DITAMPILKAN: usize = 20;

/// Everything that can go wrong reading an SKM file.
#[derive(Debug, thiserror::Error)]
pub enum GalatBaca {
    #[error("{berkas}: {sumber}")]
    Io {
        berkas: String,
        #[source]
        sumber: std::io::Error,
    },
    /// The file as a whole is unusable (unreadable CSV/XLSX/TOML, a missing column...).
    #[error("{berkas}: {pesan}")]
    Format { berkas: String, pesan: String },
    /// Some rows are bad and skipping was not asked for: nothing is computed.
    #[error("{berkas}: {}", tampilkan_baris_buruk(baris))]
    BarisBuruk {
        berkas: String,
        baris: Vec<BarisBuruk>,
    },
    #[error("{berkas}: {sumber}")]
    Skm {
        berkas: String,
        #[source]
        sumber: GalatSkm,
    },
}

fn tampilkan_baris_buruk(baris: &[BarisBuruk]) -> String {
    let mut s = format!(
        "{} baris tidak sah; tidak ada yang dihitung (minta lewati baris buruk untuk menghitung tanpa baris itu)",
        baris.len()
    );
    for b in baris.iter().take(BARIS_DITAMPILKAN) {
        s.push_str("\n  ");
        s.push_str(&b.to_string());
    }
    if baris.len() > BARIS_DITAMPILKAN {
        s.push_str(&format!(
            "\n  ... dan {} baris lain",
            baris.len() - BARIS_DITAMPILKAN
        ));
    }
    s
}

/// Where the regime of a computation came from (printed with the result).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsalRegime {
    /// Asked for by the caller.
    Diminta,
    /// Stated in the file.
    Berkas,
    /// Recognised from the number of unsur in the file.
    JumlahUnsur,
    /// Stated in the instansi's mapping file.
    Peta,
}

/// A file read: either respondents or a per-unsur table.
#[derive(Debug, Clone)]
pub enum Masukan {
    Responden(BacaanResponden),
    Tabel(TabelUnsur),
}

impl Masukan {
    pub fn kuesioner(&self) -> &Kuesioner {
        match self {
            Masukan::Responden(r) => &r.kuesioner,
            Masukan::Tabel(t) => &t.kuesioner,
        }
    }

    pub fn asal_regime(&self) -> AsalRegime {
        match self {
            Masukan::Responden(r) => r.asal_regime,
            Masukan::Tabel(t) => t.asal_regime,
        }
    }

    pub fn berkas(&self) -> &str {
        match self {
            Masukan::Responden(r) => &r.berkas,
            Masukan::Tabel(t) => &t.berkas,
        }
    }

    /// Computes the result. `opsi.responden`, `skor_terbit` and `nik_terbit` are filled from a
    /// table file when the caller left them empty.
    pub fn hitung(&self, opsi: &Opsi) -> Result<HasilSkm, GalatBaca> {
        let galat = |sumber| GalatBaca::Skm {
            berkas: self.berkas().to_string(),
            sumber,
        };
        match self {
            Masukan::Responden(r) => {
                kinerja_core::skm::hitung_tabulasi(&r.kuesioner, &r.tabulasi, opsi).map_err(galat)
            }
            Masukan::Tabel(t) => {
                let mut o = opsi.clone();
                o.responden = o.responden.or(t.responden);
                if o.skor_terbit.is_empty() {
                    o.skor_terbit = t.skor_terbit.clone();
                }
                o.nik_terbit = o.nik_terbit.or(t.nik_terbit);
                kinerja_core::skm::hitung(&t.kuesioner, &t.data, &o).map_err(galat)
            }
        }
    }
}

/// File kinds by extension.
fn ekstensi(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads any SKM file: `.toml` as a table; `.xlsx`/`.xlsm`/`.xls`/`.ods` as respondents (first
/// sheet); anything else as CSV, a table if its header has an `unsur` column, respondents
/// otherwise.
pub fn baca(path: &Path, opsi: &OpsiBaca) -> Result<Masukan, GalatBaca> {
    match ekstensi(path).as_str() {
        "toml" => tabel::baca_tabel_toml_berkas(path, opsi).map(Masukan::Tabel),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            responden::baca_responden_xlsx(path, opsi).map(Masukan::Responden)
        }
        _ => csv_berkas::baca_csv_berkas(path, opsi),
    }
}

/// The regime to use for a file with `n` unsur, given what the caller and the file say.
pub(crate) fn tentukan_regime(
    diminta: Option<&Regime>,
    dari_berkas: Option<&Regime>,
    n: usize,
) -> Result<(Regime, AsalRegime), String> {
    match (diminta, dari_berkas) {
        (Some(a), Some(b)) if a.kode != b.kode => Err(format!(
            "berkas menyatakan regime {} tetapi diminta {}",
            b.nama, a.nama
        )),
        (Some(a), _) => Ok((a.clone(), AsalRegime::Diminta)),
        (None, Some(b)) => Ok((b.clone(), AsalRegime::Berkas)),
        (None, None) => Regime::dari_jumlah_unsur(n)
            .map(|r| (r, AsalRegime::JumlahUnsur))
            .ok_or_else(|| {
                format!(
                    "{n} unsur tidak cocok dengan regime mana pun ({}); sebutkan regimenya",
                    Regime::semua()
                        .iter()
                        .map(|r| format!("{}: {} unsur", r.nama, r.jumlah_unsur()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
    }
}

/// Normalises a header or label for matching: lower case, a leading BOM dropped, `%` dropped,
/// any run of non-alphanumeric characters becomes one space.
pub(crate) fn normal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut spasi = false;
    for c in s.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            if spasi && !out.is_empty() {
                out.push(' ');
            }
            spasi = false;
            out.extend(c.to_lowercase());
        } else {
            spasi = true;
        }
    }
    out
}

/// Spreadsheet column letters for a 0-based index: 0 -> A, 25 -> Z, 26 -> AA.
pub(crate) fn huruf_kolom(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(huruf_kolom(0), "A");
        assert_eq!(huruf_kolom(25), "Z");
        assert_eq!(huruf_kolom(26), "AA");
        assert_eq!(huruf_kolom(27), "AB");
        assert_eq!(huruf_kolom(701), "ZZ");
        assert_eq!(huruf_kolom(702), "AAA");
    }

    #[test]
    fn normalised_headers() {
        assert_eq!(normal("\u{feff}Jenis_Kelamin "), "jenis kelamin");
        assert_eq!(normal("% Sangat Baik"), "sangat baik");
        assert_eq!(
            normal("Sistem, Mekanisme dan Prosedur"),
            "sistem mekanisme dan prosedur"
        );
    }
}
