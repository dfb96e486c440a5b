//! Writes the Mumbulsari 2020 report as PDF to the path given (default
//! `/tmp/mumbulsari-2020.pdf`), to look at its pages.

use std::path::PathBuf;

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun};

fn main() {
    let keluar = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/mumbulsari-2020.pdf".into());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    let data = kinerja_berkas::baca(&dir).expect("the Mumbulsari example reads");
    let opsi = OpsiLaporan {
        paksa: true,
        versi: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    };
    let dokumen = susun(&data, Tahun::new(2020).expect("a valid year"), &opsi).expect("composes");
    let pdf = kinerja_laporan_pdf::pdf(&dokumen).expect("renders");
    std::fs::write(&keluar, &pdf).expect("writes the PDF");
    eprintln!("{keluar}: {} bytes", pdf.len());
}
