//! Composing the report from the data. (Being written.)

use crate::dokumen::*;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;

#[derive(Debug, Clone, Default)]
pub struct OpsiLaporan {
    /// Produce the report although the reviu has open `galat` findings; they are printed in a
    /// reviu annex.
    pub paksa: bool,
    /// kinerja's version, printed beside the fingerprint.
    pub versi: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GalatLaporan {
    #[error("data tidak memuat laporan kinerja tahun {0}")]
    TanpaLaporan(u16),
    #[error(
        "reviu menemukan {0} galat terbuka; perbaiki datanya, terima temuannya dengan alasan (kinerja terima), atau buat laporan dengan --paksa (temuan dicetak di lampiran reviu)"
    )]
    ReviuGalat(usize),
}

pub fn susun(
    data: &DataInstansi,
    tahun: Tahun,
    opsi: &OpsiLaporan,
) -> Result<Dokumen, GalatLaporan> {
    let _ = (data, opsi);
    Err(GalatLaporan::TanpaLaporan(tahun.get()))
}
