//! The Laporan Kinerja as an editable DOCX (Word, LibreOffice), rendered from the
//! renderer-neutral [`Dokumen`]: the cover, then a table of contents field, then every chapter.
//!
//! What a user editing the narrative relies on:
//! - real heading styles ("heading 1" for BAB/LAMPIRAN, "heading 2"/"heading 3"/"heading 4"
//!   inside) so the navigation pane and the table of contents work;
//! - a Daftar Isi, Daftar Tabel and Daftar Grafik whose page numbers are PAGEREF fields to
//!   bookmarks on the headings and captions (LibreOffice computes them when it lays the document
//!   out; Word on opening, `w:updateFields`);
//! - real tables, with the header row repeated on every page (`w:tblHeader`), numbers printed the
//!   Indonesian way and right-aligned, totals bold, "data tidak tersedia" in italics;
//! - charts as PNG images rendered from the chart SVG (resvg, embedded DejaVu font);
//! - one section per chapter: landscape pages where the chapter asks for them, roman page
//!   numbers on the front matter, arabic from BAB I, page numbers in the footer; A4.
//!
//! Reproducible: the same document gives byte-identical bytes. docx-rs's own zip writer stamps
//! entries with the time when the `zip/time` feature is on somewhere in the build and its
//! picture ids come from a process-wide counter, so this crate numbers pictures itself, fixes the
//! core properties' dates (1 January of the year after the report year) and writes the package
//! with fixed entry times (see [`kemas`]).
//!
//! Architecture invariant: this crate only prints; every figure and text comes from the
//! `Dokumen`.

mod gambar;
mod gaya;
mod isi;
mod kemas;
mod sampul;
mod tabel;
mod tanda_tangan;

use docx_rs::{Docx, Paragraph, Run, Table};
use kinerja_laporan::Dokumen;

use crate::gaya::{DAFTAR_BUTIR, LEBAR_LANSKAP, LEBAR_TEGAK, kerangka};
use crate::kemas::{kemas, perbaiki};

#[derive(Debug, thiserror::Error)]
pub enum GalatDocx {
    #[error("grafik \"{judul}\" tidak dapat dijadikan gambar: {sebab}")]
    Grafik {
        judul: String,
        sebab: kinerja_grafik::GalatGrafik,
    },
    #[error("berkas DOCX tidak dapat ditulis: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("berkas DOCX tidak dapat ditulis: {0}")]
    Io(#[from] std::io::Error),
}

/// The report as DOCX bytes.
pub fn docx(d: &Dokumen) -> Result<Vec<u8>, GalatDocx> {
    let mut p = Penulis::new(d);
    p.sampul();
    p.susun_bab()?;
    let tanggal = format!("{}-01-01T00:00:00Z", u32::from(d.tahun) + 1);
    let docx = p
        .docx
        .created_at(&tanggal)
        .updated_at(&tanggal)
        // One custom property only: docx-rs keeps them in a HashMap (order would vary).
        .custom_property(
            "kinerja",
            format!("sidik {} · kinerja {}", d.sidik, d.versi),
        );
    let xml = docx.build();
    kemas(perbaiki(xml))
}

/// The writer: the document being built, and where it stands.
struct Penulis<'a> {
    d: &'a Dokumen,
    docx: Docx,
    /// Headings for the pre-filled table of contents: (level, text, bookmark).
    isi: Vec<(usize, String, String)>,
    /// Pictures so far: this crate numbers them (docx-rs would from a process-wide counter).
    gambar: usize,
    /// Table and chart captions for Daftar Tabel and Daftar Grafik: (text, bookmark).
    daftar_tabel: Vec<(String, String)>,
    daftar_grafik: Vec<(String, String)>,
    /// Bookmarks so far (one per heading and caption, for the lists at the front).
    penanda: usize,
    /// The last numbering id in use: each numbered list gets its own.
    daftar: usize,
    /// The body is built as a list of blocks, then the TOC is inserted at its place.
    badan: Vec<Unsur>,
    /// Where the TOC goes (index into `badan`), decided when the front matter ends.
    posisi_daftar_isi: Option<usize>,
    /// The current section is landscape.
    lanskap: bool,
}

/// A block of the body.
enum Unsur {
    Paragraf(Box<Paragraph>),
    Tabel(Box<Table>),
}

impl<'a> Penulis<'a> {
    fn new(d: &'a Dokumen) -> Self {
        let docx = kerangka();
        Penulis {
            d,
            docx,
            isi: Vec::new(),
            gambar: 0,
            daftar_tabel: Vec::new(),
            daftar_grafik: Vec::new(),
            penanda: 0,
            daftar: DAFTAR_BUTIR,
            badan: Vec::new(),
            posisi_daftar_isi: None,
            lanskap: false,
        }
    }

    fn paragraf(&mut self, p: Paragraph) {
        self.badan.push(Unsur::Paragraf(Box::new(p)));
    }

    /// A new bookmark: its id and its name (`_Toc` names, as Word's own TOC uses).
    fn penanda_baru(&mut self) -> (usize, String) {
        self.penanda += 1;
        (self.penanda, format!("_Toc{:08}", self.penanda))
    }

    /// A caption paragraph, bookmarked for the list of tables or charts.
    fn keterangan(&mut self, teks: &str, tabel: bool) -> Paragraph {
        let (id, nama) = self.penanda_baru();
        let daftar = if tabel {
            &mut self.daftar_tabel
        } else {
            &mut self.daftar_grafik
        };
        daftar.push((teks.to_string(), nama.clone()));
        Paragraph::new()
            .style("Caption")
            .add_bookmark_start(id, &nama)
            .add_run(Run::new().add_text(teks))
            .add_bookmark_end(id)
    }

    fn lebar(&self) -> usize {
        if self.lanskap {
            LEBAR_LANSKAP
        } else {
            LEBAR_TEGAK
        }
    }
}
