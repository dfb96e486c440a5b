//! `kinerja laporan`: the Laporan Kinerja in PDF, DOCX, XLSX or HTML, composed from the data.

use crate::galat::GalatPerintah;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::logo::{JenisLogo, Logo, UKURAN_MAKS};
use kinerja_laporan::{Dokumen, OpsiLaporan, Pendahulu, susun_dengan_pendahulu, susun_pemda};
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

/// The predecessors as the composer takes them.
pub fn pendahulu_laporan(v: &[(InstansiId, DataInstansi)]) -> Vec<Pendahulu<'_>> {
    v.iter().map(|(id, data)| Pendahulu { id, data }).collect()
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

/// What a report is composed from: the data set; for a pemda's report its OPDs' data sets;
/// for an instansi a reorganisation formed, its predecessors' (Bab III's earlier years).
pub struct Sumber<'a> {
    pub data: &'a DataInstansi,
    pub opd: Option<&'a [DataInstansi]>,
    pub pendahulu: &'a [(InstansiId, DataInstansi)],
}

/// The predecessors' data sets given with `--pendahulu` (files or folders): each must be the
/// data set of a predecessor of the instansi reporting `tahun` in `data`
/// (`reorganisasi::pendahulu`), so a wrong folder is refused rather than silently unused.
pub fn pendahulu_berkas(
    data: &DataInstansi,
    tahun: Tahun,
    jalur: &[std::path::PathBuf],
) -> Result<Vec<(InstansiId, DataInstansi)>, GalatPerintah> {
    if jalur.is_empty() {
        return Ok(Vec::new());
    }
    let pelapor = data
        .laporan
        .iter()
        .find(|l| l.tahun == tahun)
        .map(|l| l.instansi.clone())
        .ok_or_else(|| {
            GalatPerintah::masukan(format!(
                "--pendahulu: data tidak memuat Laporan Kinerja tahun {tahun}"
            ))
        })?;
    let boleh = kinerja_core::reorganisasi::pendahulu(&data.reorganisasi, &pelapor);
    jalur
        .iter()
        .map(|p| {
            let d = crate::data::muat(Some(p.as_path())).map_err(GalatPerintah::masukan)?;
            let id = kinerja_simpan::rekaman::pelapor(&d).map_err(|v| {
                GalatPerintah::masukan(format!(
                    "--pendahulu {}: instansi pelapornya tidak jelas ({})",
                    p.display(),
                    if v.is_empty() {
                        "tidak ada dokumen yang menyebutnya".to_string()
                    } else {
                        v.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
                    }
                ))
            })?;
            if !boleh.contains(&id) {
                return Err(GalatPerintah::masukan(format!(
                    "--pendahulu {}: data \"{id}\" bukan pendahulu \"{pelapor}\" (menurut [[reorganisasi]] datanya)",
                    p.display()
                )));
            }
            Ok((id, d))
        })
        .collect()
}

/// The LKjIP of an instansi (`opd` is None) or of a pemda with its OPDs' data sets
/// (`kinerja_laporan::susun_pemda`), written to `keluaran`.
pub fn jalankan(
    sumber: Sumber,
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
    let Sumber {
        data,
        opd,
        pendahulu,
    } = sumber;
    let d = match opd {
        None => susun_dengan_pendahulu(data, &pendahulu_laporan(pendahulu), tahun, &opsi),
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
