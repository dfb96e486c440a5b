//! The Laporan Kinerja as PDF: the renderer-neutral [`Dokumen`] typeset in-process with typst.
//!
//! - **In memory only.** The typst World holds the page design (`laporan.typ`, compiled into the
//!   binary), the document as a virtual `/data.json` and each chart as a virtual `/grafik/N.svg`.
//!   Fonts are embedded (typst's Libertinus/New Computer Modern/DejaVu Sans Mono and DejaVu Sans
//!   for the charts' text; `huruf.rs` says how they are loaded); no system font, no network, no
//!   external program. Package imports (`@preview/...`) are answered with an error.
//! - **Dumb template.** Every cell is printed here, the Indonesian way ([`Sel::cetak`]), with its
//!   alignment and style decided here; the template only lays out what it is given. User text
//!   reaches typst as JSON strings, never as markup, so nothing needs escaping.
//! - **Reproducible.** The same `Dokumen` gives byte-identical bytes: the document date and the
//!   PDF identifier are derived from the document (January 1 of the year after the report year,
//!   the instansi, the year and the data fingerprint), never from the clock.

use std::sync::LazyLock;

use kinerja_laporan::Dokumen;
use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::data::siapkan;
use crate::huruf::HURUF;

mod data;
mod huruf;
mod pohon;

pub use pohon::pdf_pohon;

/// The page design.
const TEMPLAT: &str = include_str!("laporan.typ");

/// The text width of a portrait page (210 − 30 − 25 mm) and of a landscape one (297 − 25 − 25).
const LEBAR_TEKS_MM: u16 = 155;
const LEBAR_LANSKAP_MM: u16 = 247;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatPdf {
    /// The page design could not be laid out with this document (a bug in the template or a
    /// chart typst cannot read).
    #[error("PDF tidak dapat disusun (typst): {0}")]
    Susun(String),
    /// The laid-out pages could not be written as PDF.
    #[error("PDF tidak dapat ditulis (typst-pdf): {0}")]
    Tulis(String),
}

/// The report as PDF bytes (A4; landscape pages for chapters marked `lanskap`).
pub fn pdf(d: &Dokumen) -> Result<Vec<u8>, GalatPdf> {
    tulis(d, false)
}

/// The report as PDF/A-2a for the archive: typst-pdf checks the PDF/A rules while writing
/// (fonts embedded, no transparency groups it cannot express, XMP metadata, every glyph mapped
/// to Unicode, tagged structure with the language and alt text on figures) and refuses to write
/// a document that breaks them, so a returned file makes the claim typst can verify; veraPDF is
/// the independent check.
pub fn pdf_arsip(d: &Dokumen) -> Result<Vec<u8>, GalatPdf> {
    tulis(d, true)
}

fn tulis(d: &Dokumen, arsip: bool) -> Result<Vec<u8>, GalatPdf> {
    let dunia = Dunia::new(d);
    let ident = format!("kinerja/laporan/{}/{}/{}", d.instansi, d.tahun, d.sidik);
    cetak_dunia(&dunia, ident, &d.versi, d.tahun, arsip)
}

/// Lays out a World and writes it as PDF (identifier, creator and date from the document, never
/// the clock).
fn cetak_dunia(
    dunia: &Dunia,
    ident: String,
    versi: &str,
    tahun: u16,
    arsip: bool,
) -> Result<Vec<u8>, GalatPdf> {
    let halaman: PagedDocument = typst::compile(dunia)
        .output
        .map_err(|e| GalatPdf::Susun(uraikan(dunia, &e)))?;
    let opsi = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!("kinerja {versi} (typst)"))),
        timestamp: tanggal_dokumen(tahun).map(typst_pdf::Timestamp::new_utc),
        standards: if arsip {
            typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2a])
                .map_err(|e| GalatPdf::Tulis(e.message().to_string()))?
        } else {
            typst_pdf::PdfStandards::default()
        },
        tagged: true,
        ..Default::default()
    };
    let hasil = typst_pdf::pdf(&halaman, &opsi).map_err(|e| GalatPdf::Tulis(uraikan(dunia, &e)));
    // Keep typst's memo cache from growing without bound in a long-running process (a server, a
    // batch of reports); entries used in the last few compilations stay warm.
    typst::comemo::evict(10);
    hasil
}

/// The document's date: January 1 of the year after the report year (the report is written
/// then), so the PDF metadata never depends on the clock.
fn tanggal_dokumen(tahun: u16) -> Option<Datetime> {
    Datetime::from_ymd(i32::from(tahun) + 1, 1, 1)
}

/// typst's errors as one line each, with the template line they point at.
fn uraikan(dunia: &Dunia, diag: &[SourceDiagnostic]) -> String {
    diag.iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut s = d.message.to_string();
            if d.span.id() == Some(*UTAMA)
                && let Some(r) = dunia.range(d.span)
            {
                let t = dunia.utama.text();
                let baris = t[..r.start.min(t.len())].lines().count().max(1);
                s.push_str(&format!(" [laporan.typ baris {baris}]"));
            }
            for h in &d.hints {
                s.push_str(" (");
                s.push_str(&h.v);
                s.push(')');
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

// -------------------------------------------------------------------------------------------------
// The World: everything in memory.

static PUSTAKA: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

static UTAMA: LazyLock<FileId> = LazyLock::new(|| berkas("/main.typ"));
static DATA: LazyLock<FileId> = LazyLock::new(|| berkas("/data.json"));

/// The emblem's virtual path: its kind as the extension, which typst reads the format from.
fn jalur_logo(l: &kinerja_laporan::logo::Logo) -> String {
    format!("/logo.{}", l.jenis.ekstensi())
}

fn berkas(jalur: &str) -> FileId {
    let vpath = VirtualPath::new(jalur).expect("a fixed, valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

struct Dunia {
    utama: Source,
    data: Bytes,
    grafik: Vec<Bytes>,
    /// The emblem, served as `/logo.png` or `/logo.jpeg` ([`jalur_logo`]).
    logo: Option<(String, Bytes)>,
    tanggal: Option<Datetime>,
}

impl Dunia {
    fn new(d: &Dokumen) -> Dunia {
        let (data, grafik) = siapkan(d);
        Dunia {
            utama: Source::new(*UTAMA, TEMPLAT.to_string()),
            data: Bytes::from_string(data.to_string()),
            grafik,
            logo: d
                .logo
                .as_ref()
                .map(|l| (jalur_logo(l), Bytes::new(l.isi.clone()))),
            tanggal: tanggal_dokumen(d.tahun),
        }
    }
}

impl World for Dunia {
    fn library(&self) -> &LazyHash<Library> {
        &PUSTAKA
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &HURUF.buku
    }

    fn main(&self) -> FileId {
        *UTAMA
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *UTAMA {
            Ok(self.utama.clone())
        } else {
            self.file(id)?;
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let jalur = id.get();
        if let VirtualRoot::Package(paket) = jalur.root() {
            return Err(FileError::Package(PackageError::Other(Some(eco_format!(
                "paket {paket} tidak tersedia: laporan PDF kinerja disusun tanpa jaringan, \
                 hanya dengan berkas yang tertanam di program"
            )))));
        }
        if id == *UTAMA {
            return Ok(Bytes::from_string(self.utama.text().to_string()));
        }
        if id == *DATA {
            return Ok(self.data.clone());
        }
        let nama = jalur.vpath().get_with_slash();
        if let Some((jalur, isi)) = &self.logo
            && nama == *jalur
        {
            return Ok(isi.clone());
        }
        nama.strip_prefix("/grafik/")
            .and_then(|n| n.strip_suffix(".svg"))
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|i| self.grafik.get(i).cloned())
            .ok_or_else(|| FileError::NotFound(nama.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        HURUF.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.tanggal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dokumen_kosong() -> Dokumen {
        Dokumen {
            judul: "LAPORAN KINERJA".into(),
            instansi: "KECAMATAN UJI".into(),
            induk: None,
            tahun: 2020,
            tempat_tanggal: None,
            penandatangan: None,
            sidik: "000000000000".into(),
            versi: "0.0.0".into(),
            draf: None,
            logo: None,
            bab: vec![],
        }
    }

    #[test]
    fn a_package_import_is_answered_with_a_clear_error() {
        let mut dunia = Dunia::new(&dokumen_kosong());
        dunia.utama = Source::new(*UTAMA, "#import \"@preview/cetz:0.3.0\": *\n".into());
        let e = typst::compile::<PagedDocument>(&dunia).output.unwrap_err();
        let pesan = uraikan(&dunia, &e);
        assert!(pesan.contains("tanpa jaringan"), "{pesan}");
        assert!(pesan.contains("@preview/cetz:0.3.0"), "{pesan}");
    }

    #[test]
    fn system_files_are_not_reachable() {
        let mut dunia = Dunia::new(&dokumen_kosong());
        dunia.utama = Source::new(*UTAMA, "#read(\"/etc/passwd\")\n".into());
        let e = typst::compile::<PagedDocument>(&dunia).output.unwrap_err();
        let pesan = uraikan(&dunia, &e);
        assert!(pesan.contains("not found"), "{pesan}");
    }

    #[test]
    fn an_empty_document_still_renders() {
        let pdf = pdf(&dokumen_kosong()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
