//! `kinerja laporan`: the Laporan Kinerja in PDF, DOCX, XLSX or HTML, composed from the data.

use crate::galat::GalatPerintah;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::logo::{JenisLogo, Logo, UKURAN_MAKS};
use kinerja_laporan::{Dokumen, OpsiLaporan, susun, susun_pemda};
use std::path::Path;

/// The names a logo file may have beside the data, and the kind each name promises.
const NAMA_LOGO: [(&str, JenisLogo); 3] = [
    ("logo.png", JenisLogo::Png),
    ("logo.jpg", JenisLogo::Jpeg),
    ("logo.jpeg", JenisLogo::Jpeg),
];

/// The emblem for the cover: `logo.png` or `logo.jpg` (`logo.jpeg`) in the data folder (beside
/// the data file), checked (its content must be the kind its name says); none when there is no
/// such file or the data comes from the database. Two logo files are refused: which one is
/// meant is not for the program to guess.
pub fn logo_di_samping(data: Option<&Path>) -> Result<Option<Logo>, GalatPerintah> {
    let Some(data) = data else { return Ok(None) };
    let folder = if data.is_dir() {
        data
    } else {
        data.parent().unwrap_or(Path::new("."))
    };
    let ada: Vec<_> = NAMA_LOGO
        .iter()
        .map(|(nama, jenis)| (folder.join(nama), *jenis))
        .filter_map(|(jalur, jenis)| Some((std::fs::metadata(&jalur).ok()?, jalur, jenis)))
        .collect();
    let (info, jalur, jenis) = match ada.as_slice() {
        [] => return Ok(None),
        [satu] => satu,
        [a, b, ..] => {
            return Err(GalatPerintah::masukan(format!(
                "dua berkas logo di {}: {} dan {}; simpan satu saja",
                folder.display(),
                a.1.display(),
                b.1.display()
            )));
        }
    };
    let tolak =
        |e: &dyn std::fmt::Display| GalatPerintah::masukan(format!("{}: {e}", jalur.display()));
    // Checked before reading: a huge file is refused without loading it.
    if info.len() > UKURAN_MAKS as u64 {
        return Err(tolak(&kinerja_laporan::logo::GalatLogo::TerlaluBesar(
            usize::try_from(info.len()).unwrap_or(usize::MAX),
        )));
    }
    let isi = std::fs::read(jalur).map_err(|e| tolak(&e))?;
    let logo = Logo::baca(isi).map_err(|e| tolak(&e))?;
    if logo.jenis != *jenis {
        return Err(tolak(&format!(
            "isinya {}, bukan {} seperti namanya; beri nama logo.{}",
            logo.jenis.mime(),
            jenis.mime(),
            logo.jenis.ekstensi()
        )));
    }
    Ok(Some(logo))
}

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

/// A composed report as the bytes of `format` (`arsip`: PDF/A-2a).
pub fn bait(d: &Dokumen, format: FormatLaporan, arsip: bool) -> Result<Vec<u8>, GalatPerintah> {
    Ok(match format {
        FormatLaporan::Html => kinerja_laporan::html::html(d).into_bytes(),
        FormatLaporan::Docx => kinerja_laporan_docx::docx(d).map_err(GalatPerintah::ditolak)?,
        FormatLaporan::Xlsx => kinerja_laporan_xlsx::xlsx(d).map_err(GalatPerintah::ditolak)?,
        FormatLaporan::Pdf if arsip => {
            kinerja_laporan_pdf::pdf_arsip(d).map_err(GalatPerintah::ditolak)?
        }
        FormatLaporan::Pdf => kinerja_laporan_pdf::pdf(d).map_err(GalatPerintah::ditolak)?,
    })
}

impl FormatLaporan {
    /// The file name's extension.
    pub fn akhiran(self) -> &'static str {
        match self {
            FormatLaporan::Pdf => "pdf",
            FormatLaporan::Docx => "docx",
            FormatLaporan::Xlsx => "xlsx",
            FormatLaporan::Html => "html",
        }
    }
}

/// The LKjIP of an instansi (`opd` is None) or of a pemda with its OPDs' data sets
/// (`kinerja_laporan::susun_pemda`), written to `keluaran`.
pub fn jalankan(
    data: &DataInstansi,
    opd: Option<&[DataInstansi]>,
    tahun: Tahun,
    format: FormatLaporan,
    arsip: bool,
    keluaran: &Path,
    opsi: OpsiLaporan,
) -> Result<String, GalatPerintah> {
    if arsip && format != FormatLaporan::Pdf {
        return Err(GalatPerintah::masukan(
            "--arsip hanya untuk --format pdf (PDF/A-2a)".to_string(),
        ));
    }
    let d = match opd {
        None => susun(data, tahun, &opsi),
        Some(opd) => {
            let opd: Vec<&DataInstansi> = opd.iter().collect();
            susun_pemda(data, &opd, tahun, &opsi)
        }
    }
    .map_err(GalatPerintah::ditolak)?;
    let isi = bait(&d, format, arsip)?;
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
