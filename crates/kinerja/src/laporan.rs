//! `kinerja laporan`: the Laporan Kinerja in PDF, DOCX, XLSX or HTML, composed from the data.

use crate::galat::GalatPerintah;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatLaporan {
    /// PDF siap cetak (A4)
    Pdf,
    /// DOCX yang dapat disunting di Word/LibreOffice
    Docx,
    /// XLSX: setiap tabel laporan satu lembar
    Xlsx,
    /// Satu berkas HTML mandiri
    Html,
}

pub fn jalankan(
    data: &DataInstansi,
    tahun: Tahun,
    format: FormatLaporan,
    arsip: bool,
    keluaran: &Path,
    paksa: bool,
    aturan: Vec<kinerja_reviu::Aturan>,
) -> Result<String, GalatPerintah> {
    let opsi = OpsiLaporan {
        paksa,
        versi: env!("CARGO_PKG_VERSION").into(),
        aturan,
    };
    if arsip && format != FormatLaporan::Pdf {
        return Err(GalatPerintah::masukan(
            "--arsip hanya untuk --format pdf (PDF/A-2a)".to_string(),
        ));
    }
    let d = susun(data, tahun, &opsi).map_err(GalatPerintah::ditolak)?;
    let isi: Vec<u8> = match format {
        FormatLaporan::Html => kinerja_laporan::html::html(&d).into_bytes(),
        FormatLaporan::Docx => kinerja_laporan_docx::docx(&d).map_err(GalatPerintah::ditolak)?,
        FormatLaporan::Xlsx => kinerja_laporan_xlsx::xlsx(&d).map_err(GalatPerintah::ditolak)?,
        FormatLaporan::Pdf if arsip => {
            kinerja_laporan_pdf::pdf_arsip(&d).map_err(GalatPerintah::ditolak)?
        }
        FormatLaporan::Pdf => kinerja_laporan_pdf::pdf(&d).map_err(GalatPerintah::ditolak)?,
    };
    std::fs::write(keluaran, &isi).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", keluaran.display()))
    })?;
    Ok(format!(
        "Laporan Kinerja {} tahun {} ditulis ke {} ({} bait, sidik data {}).\n",
        d.instansi,
        d.tahun,
        keluaran.display(),
        isi.len(),
        d.sidik
    ))
}
