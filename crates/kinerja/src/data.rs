//! Where the command line's data comes from: a file or folder, or the bundled example.

use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/contoh.rs"));

/// Reads DATA, or the bundled Mumbulsari example when no path is given.
pub fn muat(path: Option<&Path>) -> Result<DataInstansi, kinerja_berkas::GalatBerkas> {
    match path {
        Some(p) => kinerja_berkas::baca(p),
        None => kinerja_berkas::baca_sumber(
            CONTOH
                .iter()
                .map(|(n, t)| (PathBuf::from(n), (*t).to_string()))
                .collect(),
        ),
    }
}

/// The year to show when none is asked for: the latest report's, else the latest with realisasi
/// or budget.
pub fn tahun_bawaan(data: &DataInstansi) -> Option<Tahun> {
    data.laporan
        .iter()
        .map(|l| l.tahun)
        .max()
        .or_else(|| data.realisasi.iter().map(|r| r.tahun).max())
        .or_else(|| data.anggaran.iter().map(|a| a.tahun).max())
}
