//! Reviu: every figure of a Laporan Kinerja checked against the data it comes from.
//!
//! Pure like the core: it takes `DataInstansi` and returns findings (`Temuan`). Four families:
//! - `tercatat`: each stated figure (`model::Tercatat`) beside the figure computed from primary
//!   data, and stated totals beside the sum of their stated parts;
//! - `dokumen`: consistency across documents (targets, IKU vs PK, PK budgets vs the budget) and
//!   completeness (indicators, targets, realisasi, formulas, signatories);
//! - `aturan`: rules as data, DHIS2-style (left and right expression, operator, missing-value
//!   strategy, severity, message); the plausibility rules ship as such a file (`bawaan.toml`), and
//!   an inspektorat adds its own in the same form.
//!
//! Rounding tolerance: a stated figure agrees with a computed one when the computed figure,
//! rounded half away from zero to the decimals the stated figure is printed with, equals it. Each
//! finding says which rounding it assumed.

pub mod aturan;
mod dokumen;
/// The expression language, shared with the core's formula indicators.
pub use kinerja_core::ekspresi;
mod konteks;
pub mod pohon;
mod tercatat;

use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use aturan::{Aturan, BerkasAturan, GalatAturan};
pub use konteks::Konteks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tingkat {
    Info,
    Peringatan,
    Galat,
}

impl Tingkat {
    pub fn label(self) -> &'static str {
        match self {
            Tingkat::Info => "info",
            Tingkat::Peringatan => "peringatan",
            Tingkat::Galat => "galat",
        }
    }
}

/// Where a finding is: document, table or section, row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LokasiTemuan {
    pub dokumen: String,
    pub tabel: String,
    pub baris: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Temuan {
    pub aturan: String,
    pub tingkat: Tingkat,
    pub lokasi: LokasiTemuan,
    pub pesan: String,
    pub tercatat: Option<Decimal>,
    pub dihitung: Option<Decimal>,
    /// The rounding assumed when comparing, in words.
    pub pembulatan: Option<String>,
    /// A stable key for accepting the finding (`[[reviu]]` in the data).
    pub kunci: String,
    /// Set when a reviewer accepted the finding.
    pub diterima: Option<String>,
}

impl Temuan {
    pub fn terbuka(&self) -> bool {
        self.diterima.is_none()
    }
}

/// Runs every built-in rule and `tambahan` (an inspektorat's own) for the year. A pemda's data
/// set is checked with its pohon kinerja's rules that need no OPD's data (`periksa_pemda` adds
/// the OPDs' data sets).
pub fn periksa(data: &DataInstansi, tahun: Tahun, tambahan: &[Aturan]) -> Vec<Temuan> {
    periksa_pemda(data, &[], tahun, tambahan)
}

/// `periksa` of a pemda's data set with the data sets of its OPDs at hand, so the pohon
/// kinerja's rules that read an OPD's Renstra, PK or budget run too (`pohon`).
pub fn periksa_pemda(
    data: &DataInstansi,
    opd: &[&DataInstansi],
    tahun: Tahun,
    tambahan: &[Aturan],
) -> Vec<Temuan> {
    let k = Konteks::new(data, tahun);
    let mut t = pohon::periksa(data, opd, tahun);
    tercatat::periksa(&k, &mut t);
    dokumen::periksa(&k, &mut t);
    for a in aturan::bawaan().iter().chain(tambahan) {
        aturan::jalankan(&k, a, &mut t);
    }
    // Accepted findings stay listed, marked, so the reviu annex shows them with their reason.
    for temuan in &mut t {
        if let Some(p) = data
            .reviu
            .iter()
            .find(|p| p.aturan == temuan.aturan && p.kunci == temuan.kunci)
        {
            let mut s = p.alasan.clone();
            if let Some(o) = &p.oleh {
                s.push_str(&format!(" ({o})"));
            }
            temuan.diterima = Some(s);
        }
    }
    t.sort_by(|a, b| {
        b.tingkat
            .cmp(&a.tingkat)
            .then_with(|| a.aturan.cmp(&b.aturan))
            .then_with(|| a.kunci.cmp(&b.kunci))
    });
    t
}

/// True when an open `galat` finding remains: the report must not be published as final.
pub fn ada_galat_terbuka(temuan: &[Temuan]) -> bool {
    temuan
        .iter()
        .any(|t| t.tingkat == Tingkat::Galat && t.terbuka())
}
