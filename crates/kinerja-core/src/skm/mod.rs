//! SKM (Survei Kepuasan Masyarakat): the community satisfaction survey, from answers to the index.
//!
//! Data flow: an adapter reads respondents' answers (or a published distribution, or published NRR)
//! and hands in [`DataUnsur`] per unsur, or tallies respondents itself with [`TabulasiSurvei`];
//! [`hitung`] / [`hitung_tabulasi`] return a [`HasilSkm`] with every figure.
//!
//! # Invariants
//! - Pure: no I/O. Never panics on user data; bad input is an [`GalatSkm`].
//! - Regimes are data ([`Regime`]): the unsur list, the printed weight and the interval table.
//! - Exact arithmetic: counts are integers; quotients are `Decimal` (28 significant digits),
//!   arranged so that a figure with a terminating decimal value is computed exactly. Nothing is
//!   rounded inside the computation. The one rounding is to two decimals, half away from zero,
//!   when a figure is printed **and** when mutu is read from the interval table (the tables are
//!   written with two decimals, so a printed NIK and its mutu always agree): see
//!   [`Regime::klasifikasi`].
//! - Every derived figure comes from primary data: a published score given beside a distribution
//!   is compared, never used.

mod baku;
mod hitung;
pub mod isian;
mod jawaban;
pub mod json;
mod regime;
mod sampel;
mod tabulasi;

#[cfg(test)]
mod tests;

pub use baku::{PertanyaanBaku, pertanyaan_baku};
pub use hitung::{
    Bobot, DataUnsur, HasilKelompok, HasilRincian, HasilSkm, HasilUnsur, InfoBobot, Opsi,
    SumberUnsur, hitung, hitung_tabulasi,
};
pub use jawaban::{GalatJawaban, Jawaban};
pub use regime::{Interval, KinerjaUnit, Kuesioner, Mutu, Regime, Unsur, bulatkan_tabel};
pub use sampel::{KecukupanSampel, PembulatanSampel, kecukupan_sampel, ukuran_sampel};
pub use tabulasi::{JenisProfil, RincianKolom, Tabulasi, TabulasiSurvei};

/// The result of a survey held in the data (`model::SurveiSkm`): from each unsur's
/// [`UnsurSkm::data`](crate::model::UnsurSkm::data), with exact weights. `None` when the regime is unknown or an unsur has neither
/// counts nor a distribution.
pub fn hasil_survei(s: &crate::model::SurveiSkm) -> Option<Result<HasilSkm, GalatSkm>> {
    hasil_survei_dengan_skor(s, |_| None)
}

/// As [`hasil_survei`], but an unsur with neither counts nor a distribution takes the score
/// `skor_terbit` gives for its nomor (a published per-unsur score, [`DataUnsur::Skor`]): how a
/// reviu recomputes a published table whose rows are not all primary data.
pub fn hasil_survei_dengan_skor(
    s: &crate::model::SurveiSkm,
    skor_terbit: impl Fn(u32) -> Option<rust_decimal::Decimal>,
) -> Option<Result<HasilSkm, GalatSkm>> {
    let regime = Regime::dari_kode(&s.regime)?;
    let mut unsur: Vec<&crate::model::UnsurSkm> = s.unsur.iter().collect();
    unsur.sort_by_key(|u| u.nomor);
    let data: Option<Vec<DataUnsur>> = unsur
        .iter()
        .map(|u| {
            u.data()
                .or_else(|| skor_terbit(u.nomor).map(DataUnsur::Skor))
        })
        .collect();
    let data = data?;
    let kuesioner =
        match Kuesioner::dengan_nama(regime, unsur.iter().map(|u| u.nama.clone()).collect()) {
            Ok(k) => k,
            Err(e) => return Some(Err(e)),
        };
    let opsi = Opsi {
        responden: s.responden.map(u64::from),
        populasi: s.populasi,
        ..Opsi::default()
    };
    Some(hitung(&kuesioner, &data, &opsi))
}

impl crate::model::UnsurSkm {
    /// What the data holds for this unsur: its answer counts where present (exact), else its
    /// published distribution; `None` when it has neither.
    pub fn data(&self) -> Option<DataUnsur> {
        match (self.jumlah, self.distribusi) {
            (Some(j), _) => Some(DataUnsur::Jumlah(j)),
            (None, Some(p)) => Some(DataUnsur::Persen(p)),
            (None, None) => None,
        }
    }
}

/// Everything that can be wrong with SKM input handed to the core.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatSkm {
    #[error("regime {regime} memakai {diharapkan} unsur, tetapi data memuat {didapat} unsur")]
    JumlahUnsur {
        regime: String,
        diharapkan: usize,
        didapat: usize,
    },
    #[error("unsur {unsur}: tidak ada jawaban (jumlah responden atau persen 0)")]
    UnsurKosong { unsur: String },
    #[error("unsur {unsur}: {pesan}")]
    DataTidakSah { unsur: String, pesan: String },
    #[error("tidak ada responden")]
    TanpaResponden,
}
