//! The Laporan Kinerja as an editable DOCX (Word, LibreOffice), rendered from the
//! renderer-neutral [`Dokumen`]: the cover, then a table of contents field, then every chapter.
//!
//! What a user editing the narrative relies on:
//! - real heading styles ("heading 1" for BAB/LAMPIRAN, "heading 2"/"heading 3"/"heading 4"
//!   inside) so the navigation pane and the table of contents work;
//! - a TOC field, pre-filled with the headings and marked to be updated when the file is opened
//!   (`w:updateFields`); a note under it says how to refresh the page numbers;
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

use std::io::{Cursor, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, Footer, FooterReference,
    Hyperlink, HyperlinkType, IndentLevel, InstrPAGE, InstrText, InstrToC, Level, LevelJc,
    LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin,
    PageNumType, PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts, SectionProperty,
    SectionType, Shading, SpecialIndentType, Start, Style, StyleType, Tab, TabLeaderType,
    TabValueType, Table, TableAlignmentType, TableBorders, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType, XMLDocx,
};
use kinerja_grafik::tanpa_kendali;
use kinerja_laporan::{Bab, Blok, Dokumen, Grafik, JenisBab, Sel, Tabel, TandaTangan};

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

// Page geometry, in twentieths of a point (twips). A4 with 3 cm left and 2.5 cm other margins.
const A4_PENDEK: u32 = 11906;
const A4_PANJANG: u32 = 16838;
const MARGIN_KIRI: i32 = 1701;
const MARGIN_LAIN: i32 = 1417;
/// Usable text width on a portrait / landscape page.
const LEBAR_TEGAK: usize = (A4_PENDEK as i32 - MARGIN_KIRI - MARGIN_LAIN) as usize;
const LEBAR_LANSKAP: usize = (A4_PANJANG as i32 - MARGIN_KIRI - MARGIN_LAIN) as usize;
/// EMU per millimetre (drawing sizes).
const EMU_PER_MM: u32 = 36_000;

const FOOTER_RID: &str = "rIdFooter1";
/// Marker written by docx-rs for `PageNumType::chap_style`, replaced by `w:fmt` (docx-rs 0.4.22
/// cannot write the page number format).
const PENANDA_ROMAWI: &str = "w:chapStyle=\"kinerja-romawi\"";
const FONT: &str = "Arial";
/// docx-rs always writes abstract numbering 1 and numbering 1 (a default decimal list): ours
/// start above them.
const ABSTRAK_NOMOR: usize = 10;
const ABSTRAK_BUTIR: usize = 11;
/// Bullet lists share one numbering; each numbered list gets its own, restarting at 1.
const DAFTAR_BUTIR: usize = 10;

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

/// The section a chapter is set in.
#[derive(Clone, Copy, PartialEq)]
enum Penomoran {
    /// Cover: no page number.
    Tanpa,
    /// Front matter: i, ii, iii.
    Romawi,
    /// Bab and lampiran: 1, 2, 3.
    Arab,
}

struct Bagian {
    lanskap: bool,
    penomoran: Penomoran,
    /// Restart the page numbers at 1.
    mulai: bool,
}

struct Penulis<'a> {
    d: &'a Dokumen,
    docx: Docx,
    /// Headings for the pre-filled table of contents: (level, text, bookmark).
    isi: Vec<(usize, String, String)>,
    /// Where the TOC goes (index into the body children) is decided when the front matter ends.
    gambar: usize,
    penanda: usize,
    daftar: usize,
    /// The body is built as a list of blocks, then the TOC is inserted at its place.
    badan: Vec<Unsur>,
    posisi_daftar_isi: Option<usize>,
    lanskap: bool,
}

enum Unsur {
    Paragraf(Box<Paragraph>),
    Tabel(Box<Table>),
}

impl<'a> Penulis<'a> {
    fn new(d: &'a Dokumen) -> Self {
        let docx = Docx::new()
            .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT))
            .default_size(22)
            .add_style(gaya_judul("Heading1", "heading 1", 0, 28, true))
            .add_style(gaya_judul("Heading2", "heading 2", 1, 24, false))
            .add_style(gaya_judul("Heading3", "heading 3", 2, 22, false))
            .add_style(gaya_judul("Heading4", "heading 4", 3, 22, false).italic())
            .add_style(
                Style::new("TOC1", StyleType::Paragraph)
                    .name("toc 1")
                    .bold()
                    .line_spacing(LineSpacing::new().before(120).after(40)),
            )
            .add_style(
                Style::new("TOC2", StyleType::Paragraph)
                    .name("toc 2")
                    .indent(Some(400), None, None, None)
                    .line_spacing(LineSpacing::new().after(40)),
            )
            .add_style(
                Style::new("Caption", StyleType::Paragraph)
                    .name("caption")
                    .bold()
                    .size(20)
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().before(200).after(80)),
            )
            .add_style(
                Style::new("Catatan", StyleType::Paragraph)
                    .name("Catatan")
                    .italic()
                    .size(18)
                    .line_spacing(LineSpacing::new().before(60).after(160)),
            )
            .add_style(
                Style::new("IsiTabel", StyleType::Paragraph)
                    .name("Isi Tabel")
                    .size(19)
                    .line_spacing(LineSpacing::new().before(20).after(20)),
            )
            .add_abstract_numbering(
                AbstractNumbering::new(ABSTRAK_NOMOR).add_level(
                    Level::new(
                        0,
                        Start::new(1),
                        NumberFormat::new("decimal"),
                        LevelText::new("%1."),
                        LevelJc::new("left"),
                    )
                    .indent(
                        Some(720),
                        Some(SpecialIndentType::Hanging(360)),
                        None,
                        None,
                    ),
                ),
            )
            .add_abstract_numbering(
                AbstractNumbering::new(ABSTRAK_BUTIR).add_level(
                    Level::new(
                        0,
                        Start::new(1),
                        NumberFormat::new("bullet"),
                        LevelText::new("•"),
                        LevelJc::new("left"),
                    )
                    .indent(
                        Some(720),
                        Some(SpecialIndentType::Hanging(360)),
                        None,
                        None,
                    ),
                ),
            )
            .add_numbering(Numbering::new(DAFTAR_BUTIR, ABSTRAK_BUTIR));
        Penulis {
            d,
            docx,
            isi: Vec::new(),
            gambar: 0,
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

    fn lebar(&self) -> usize {
        if self.lanskap {
            LEBAR_LANSKAP
        } else {
            LEBAR_TEGAK
        }
    }

    fn sampul(&mut self) {
        let d = self.d;
        let tengah = |teks: &str, ukuran: usize, tebal: bool, sebelum: u32| {
            let mut r = Run::new().add_text(teks).size(ukuran);
            if tebal {
                r = r.bold();
            }
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(sebelum).after(120))
                .add_run(r)
        };
        self.paragraf(tengah(&d.judul, 40, true, 2400));
        self.paragraf(tengah(&format!("TAHUN {}", d.tahun), 32, true, 120));
        self.paragraf(tengah(&d.instansi, 32, true, 3600));
        if let Some(induk) = &d.induk {
            self.paragraf(tengah(induk, 28, true, 120));
        }
        if let Some(tt) = &d.tempat_tanggal {
            self.paragraf(tengah(tt, 24, false, 1200));
        }
        let jejak = format!(
            "Disusun dengan kinerja {} dari data bersidik {}",
            d.versi, d.sidik
        );
        self.paragraf(tengah(&jejak, 16, false, 2400));
        self.akhiri_bagian(&Bagian {
            lanskap: false,
            penomoran: Penomoran::Tanpa,
            mulai: false,
        });
    }

    /// Ends the current section: the section properties go into an empty last paragraph.
    fn akhiri_bagian(&mut self, b: &Bagian) {
        let sp = properti_bagian(b);
        self.paragraf(Paragraph::new().section_property(sp));
    }

    fn susun_bab(&mut self) -> Result<(), GalatDocx> {
        let d = self.d;
        // The table of contents follows the front matter (or the cover when there is none).
        let mut langkah: Vec<Option<&Bab>> = d.bab.iter().map(Some).collect();
        let sisip = d
            .bab
            .iter()
            .rposition(|b| b.jenis == JenisBab::Awal)
            .map_or(0, |i| i + 1);
        langkah.insert(sisip, None);
        let mut sebelumnya: Option<Penomoran> = None;
        let mut bagian_terakhir = None;
        let jumlah = langkah.len();
        for (i, l) in langkah.into_iter().enumerate() {
            let (penomoran, lanskap) = match l {
                Some(bab) if bab.jenis != JenisBab::Awal => (Penomoran::Arab, bab.lanskap),
                Some(bab) => (Penomoran::Romawi, bab.lanskap),
                None => (Penomoran::Romawi, false),
            };
            let b = Bagian {
                lanskap,
                penomoran,
                mulai: sebelumnya != Some(penomoran),
            };
            sebelumnya = Some(penomoran);
            self.lanskap = lanskap;
            match l {
                Some(bab) => self.bab(bab)?,
                None => self.posisi_daftar_isi = Some(self.badan.len()),
            }
            if i + 1 == jumlah {
                bagian_terakhir = Some(b);
            } else {
                self.akhiri_bagian(&b);
            }
        }
        let badan = std::mem::take(&mut self.badan);
        let mut docx = std::mem::take(&mut self.docx);
        let mut daftar_isi = Some(self.daftar_isi());
        for (i, u) in badan.into_iter().enumerate() {
            if Some(i) == self.posisi_daftar_isi {
                for p in daftar_isi.take().unwrap_or_default() {
                    docx = docx.add_paragraph(p);
                }
            }
            docx = match u {
                Unsur::Paragraf(p) => docx.add_paragraph(*p),
                Unsur::Tabel(t) => docx.add_table(*t),
            };
        }
        for p in daftar_isi.take().unwrap_or_default() {
            docx = docx.add_paragraph(p);
        }
        // The last section's properties belong to the body; the footer is registered there.
        let mut docx = docx.footer(self.kaki());
        let mut sp = properti_bagian(&bagian_terakhir.unwrap_or(Bagian {
            lanskap: false,
            penomoran: Penomoran::Romawi,
            mulai: false,
        }));
        let lama = &docx.document.section_property;
        sp.footer = lama.footer.clone();
        sp.footer_reference = lama.footer_reference.clone();
        sp.section_type = None;
        docx.document.section_property = sp;
        self.docx = docx;
        Ok(())
    }

    fn daftar_isi(&self) -> Vec<Paragraph> {
        let mut ps = vec![
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(240))
                .add_run(Run::new().add_text("DAFTAR ISI").bold().size(28)),
        ];
        let tab = Tab::new()
            .val(TabValueType::Right)
            .leader(TabLeaderType::Dot)
            .pos(LEBAR_TEGAK);
        let instr = InstrToC::new().heading_styles_range(1, 2).hyperlink();
        let mulai = Run::new()
            .add_field_char(FieldCharType::Begin, true)
            .add_instr_text(InstrText::TOC(instr))
            .add_field_char(FieldCharType::Separate, false);
        let mut mulai = Some(mulai);
        for (tingkat, teks, penanda) in self.isi.iter().filter(|e| e.0 <= 2) {
            let mut p = Paragraph::new()
                .style(&format!("TOC{tingkat}"))
                .add_tab(tab.clone());
            if let Some(r) = mulai.take() {
                p = p.add_run(r);
            }
            p = p.add_hyperlink(
                Hyperlink::new(penanda, HyperlinkType::Anchor)
                    .add_run(Run::new().add_text(teks))
                    .add_run(Run::new().add_tab())
                    .add_run(
                        Run::new()
                            .add_field_char(FieldCharType::Begin, false)
                            .add_instr_text(InstrText::PAGEREF(
                                docx_rs::InstrPAGEREF::new(penanda).hyperlink(),
                            ))
                            .add_field_char(FieldCharType::Separate, false)
                            .add_text("")
                            .add_field_char(FieldCharType::End, false),
                    ),
            );
            ps.push(p);
        }
        let mut akhir = Paragraph::new();
        if let Some(r) = mulai.take() {
            akhir = akhir.add_run(r);
        }
        ps.push(akhir.add_run(Run::new().add_field_char(FieldCharType::End, false)));
        ps.push(
            Paragraph::new()
                .style("Catatan")
                .add_run(Run::new().add_text(
                "Nomor halaman daftar isi diisi saat dokumen dibuka: Word menawarkan memperbarui \
             bidang (jawab Ya, atau klik kanan pada daftar isi lalu Update Field / tekan F9); \
             di LibreOffice: Alat > Perbarui > Perbarui Semua.",
            )),
        );
        ps
    }

    fn kaki(&self) -> Footer {
        let d = self.d;
        let nomor = Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        );
        let keterangan = format!(
            "Laporan Kinerja {} Tahun {} · sidik data {} · kinerja {}",
            judul_kapital(&d.instansi),
            d.tahun,
            d.sidik,
            d.versi
        );
        Footer::new().add_paragraph(nomor).add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(keterangan).size(14).color("555555")),
        )
    }

    fn judul(&mut self, tingkat: usize, baris: &[String]) {
        self.penanda += 1;
        let nama = format!("_Toc{:08}", self.penanda);
        let mut p = Paragraph::new()
            .style(&format!("Heading{tingkat}"))
            .add_bookmark_start(self.penanda, &nama);
        for (i, b) in baris.iter().enumerate() {
            let mut r = Run::new();
            if i > 0 {
                r = r.add_break(BreakType::TextWrapping);
            }
            p = p.add_run(r.add_text(b));
        }
        p = p.add_bookmark_end(self.penanda);
        self.isi.push((tingkat, baris.join(" "), nama));
        self.paragraf(p);
    }

    fn bab(&mut self, bab: &Bab) -> Result<(), GalatDocx> {
        let baris = match (&bab.jenis, &bab.nomor) {
            (JenisBab::Bab, Some(n)) => vec![format!("BAB {n}"), bab.judul.clone()],
            (JenisBab::Lampiran, Some(n)) => vec![format!("LAMPIRAN {n}"), bab.judul.clone()],
            (JenisBab::Lampiran, None) => vec!["LAMPIRAN".into(), bab.judul.clone()],
            _ => vec![bab.judul.clone()],
        };
        self.judul(1, &baris);
        for blok in &bab.isi {
            self.blok(blok)?;
        }
        Ok(())
    }

    fn blok(&mut self, blok: &Blok) -> Result<(), GalatDocx> {
        match blok {
            Blok::Judul { tingkat, teks } => {
                let t = usize::from((*tingkat).clamp(1, 3)) + 1;
                self.judul(t, std::slice::from_ref(teks));
            }
            Blok::Paragraf { teks } => {
                for baris in teks.split('\n').filter(|b| !b.trim().is_empty()) {
                    self.paragraf(
                        Paragraph::new()
                            .align(AlignmentType::Both)
                            .line_spacing(LineSpacing::new().after(120).line(300))
                            .add_run(Run::new().add_text(baris.trim_end())),
                    );
                }
            }
            Blok::Daftar { bernomor, butir } => {
                let id = if *bernomor {
                    self.daftar += 1;
                    let id = self.daftar;
                    let docx = std::mem::take(&mut self.docx);
                    self.docx = docx.add_numbering(
                        Numbering::new(id, ABSTRAK_NOMOR)
                            .add_override(LevelOverride::new(0).start(1)),
                    );
                    id
                } else {
                    DAFTAR_BUTIR
                };
                for b in butir {
                    self.paragraf(
                        Paragraph::new()
                            .align(AlignmentType::Both)
                            .line_spacing(LineSpacing::new().after(60).line(300))
                            .numbering(NumberingId::new(id), IndentLevel::new(0))
                            .add_run(Run::new().add_text(b)),
                    );
                }
            }
            Blok::Tabel(t) => self.tabel(t),
            Blok::Grafik(g) => self.grafik(g)?,
            Blok::TandaTangan(tt) => {
                let lebar = self.lebar() / 2;
                let kosong = TableCell::new()
                    .width(lebar, WidthType::Dxa)
                    .add_paragraph(Paragraph::new());
                let t = tabel_tanpa_garis(vec![kosong, sel_tanda_tangan(tt, lebar)], lebar);
                self.paragraf(Paragraph::new());
                self.badan.push(Unsur::Tabel(Box::new(t)));
            }
            Blok::DuaPihak { kiri, kanan } => {
                let lebar = self.lebar() / 2;
                let t = tabel_tanpa_garis(
                    vec![
                        sel_tanda_tangan(kiri, lebar),
                        sel_tanda_tangan(kanan, lebar),
                    ],
                    lebar,
                );
                self.paragraf(Paragraph::new());
                self.badan.push(Unsur::Tabel(Box::new(t)));
            }
            Blok::Catatan { teks } => {
                self.paragraf(
                    Paragraph::new()
                        .style("Catatan")
                        .add_run(Run::new().add_text(teks)),
                );
            }
            Blok::HalamanBaru => {
                self.paragraf(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
        }
        Ok(())
    }

    fn tabel(&mut self, t: &Tabel) {
        self.paragraf(
            Paragraph::new()
                .style("Caption")
                .keep_next(true)
                .add_run(Run::new().add_text(&t.judul)),
        );
        let kecil = t.kolom.len() > 8;
        let ukuran = if kecil { 16 } else { 19 };
        let lebar = lebar_kolom(t, self.lebar(), ukuran);
        let kepala = TableRow::new(
            t.kolom
                .iter()
                .zip(&lebar)
                .map(|(k, w)| {
                    TableCell::new()
                        .width(*w, WidthType::Dxa)
                        .shading(Shading::new().fill("D9D9D9"))
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(
                            Paragraph::new()
                                .style("IsiTabel")
                                .align(AlignmentType::Center)
                                .add_run(Run::new().add_text(&k.judul).bold().size(ukuran)),
                        )
                })
                .collect(),
        )
        // The header-row marker: rewritten to cantSplit + tblHeader in `perbaiki`.
        .cant_split();
        let mut baris = vec![kepala];
        for b in &t.baris {
            let sel = lebar
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let s = b.sel.get(i).unwrap_or(&Sel::Kosong);
                    let kanan = t.kolom.get(i).is_some_and(|k| k.rata_kanan) || angka(s);
                    let mut r = Run::new().add_text(s.cetak()).size(ukuran);
                    if b.tebal {
                        r = r.bold();
                    }
                    if matches!(s, Sel::TidakTersedia(_)) {
                        r = r.italic();
                    }
                    TableCell::new().width(*w, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style("IsiTabel")
                            .align(if kanan {
                                AlignmentType::Right
                            } else {
                                AlignmentType::Left
                            })
                            .add_run(r),
                    )
                })
                .collect();
            baris.push(TableRow::new(sel));
        }
        let jumlah: usize = lebar.iter().sum();
        let tabel = Table::new(baris)
            .set_grid(lebar)
            .width(jumlah, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .align(TableAlignmentType::Center);
        self.badan.push(Unsur::Tabel(Box::new(tabel)));
        if let Some(c) = &t.catatan {
            self.paragraf(
                Paragraph::new()
                    .style("Catatan")
                    .add_run(Run::new().add_text(c)),
            );
        } else {
            self.paragraf(Paragraph::new().line_spacing(LineSpacing::new().after(120)));
        }
    }

    fn grafik(&mut self, g: &Grafik) -> Result<(), GalatDocx> {
        let png = kinerja_grafik::svg_ke_png(&g.svg, 2.0).map_err(|sebab| GalatDocx::Grafik {
            judul: g.judul.clone(),
            sebab,
        })?;
        let (w, h) = ukuran_png(&png).unwrap_or((1, 1));
        let maks_mm = (self.lebar() as u32 * 254) / 14400; // twips -> mm
        let lebar_mm = u32::from(g.lebar_mm).clamp(20, maks_mm);
        let w_emu = lebar_mm * EMU_PER_MM;
        let h_emu = (u64::from(w_emu) * u64::from(h) / u64::from(w.max(1))) as u32;
        self.gambar += 1;
        let pic = Pic::new_with_dimensions(png, w, h)
            .size(w_emu, h_emu)
            .id(format!("rIdImage{}", self.gambar));
        self.paragraf(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(120))
                .add_run(Run::new().add_image(pic)),
        );
        self.paragraf(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(&g.judul)),
        );
        Ok(())
    }
}

fn gaya_judul(id: &str, nama: &str, tingkat: usize, ukuran: usize, tengah: bool) -> Style {
    let s = Style::new(id, StyleType::Paragraph)
        .name(nama)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(ukuran)
        .outline_lvl(tingkat)
        .line_spacing(
            LineSpacing::new()
                .before(if tengah { 0 } else { 240 })
                .after(120),
        );
    if tengah {
        s.align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(360))
    } else {
        s
    }
}

fn margin() -> PageMargin {
    PageMargin {
        top: MARGIN_LAIN,
        left: MARGIN_KIRI,
        bottom: MARGIN_LAIN,
        right: MARGIN_LAIN,
        header: 709,
        footer: 567,
        gutter: 0,
    }
}

fn properti_bagian(b: &Bagian) -> SectionProperty {
    let ukuran = if b.lanskap {
        PageSize::new()
            .size(A4_PANJANG, A4_PENDEK)
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(A4_PENDEK, A4_PANJANG)
    };
    let mut sp = SectionProperty::new()
        .page_size(ukuran)
        .page_margin(margin());
    sp.section_type = Some(SectionType::NextPage);
    if b.penomoran != Penomoran::Tanpa {
        sp.footer_reference = Some(FooterReference::new("default", FOOTER_RID));
    }
    let mut nomor = PageNumType::new();
    if b.mulai {
        nomor = nomor.start(1);
    }
    if b.penomoran == Penomoran::Romawi {
        nomor = nomor.chap_style("kinerja-romawi");
    }
    if nomor.start.is_some() || nomor.chap_style.is_some() {
        sp.page_num_type = Some(nomor);
    }
    sp
}

/// Column widths in twips, from the relative widths, filling the text width; a column is at
/// least as wide as the longest word of its header and cells (so "No" does not break into
/// "N/o" nor "Meningkatnya" into "Meningkatn/ya"), taken from the wider columns.
fn lebar_kolom(t: &Tabel, lebar: usize, ukuran: usize) -> Vec<usize> {
    let jumlah: usize = t.kolom.iter().map(|k| usize::from(k.lebar.max(1))).sum();
    if jumlah == 0 {
        return Vec::new();
    }
    // `ukuran` is in half-points (1/10 em x half-points = twips); 300 twips of cell padding.
    let minimum: Vec<usize> = t
        .kolom
        .iter()
        .enumerate()
        .map(|(j, k)| {
            // In 1/10 em: header words bold (0.7 em a character), body words 0.6 em (at most 13
            // characters: longer words may break), numbers whole (0.55 em a character).
            let kata = |s: &str| s.split_whitespace().map(|w| w.chars().count()).max();
            let kepala = kata(&k.judul).unwrap_or(0) * 7;
            let isi = t
                .baris
                .iter()
                .filter_map(|b| b.sel.get(j))
                .map(|s| match s {
                    Sel::Teks(x) => kata(x).unwrap_or(0).min(13) * 6,
                    Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_) => {
                        s.cetak().chars().count() * 11 / 2
                    }
                    _ => kata("tersedia").unwrap_or(0) * 6,
                })
                .max()
                .unwrap_or(0);
            kepala.max(isi) * ukuran + 300
        })
        .collect();
    let w: Vec<usize> = t
        .kolom
        .iter()
        .map(|k| lebar * usize::from(k.lebar.max(1)) / jumlah)
        .collect();
    // Raise narrow columns to their minimum, taking the width from the columns above theirs;
    // when that is not enough, shrink everything proportionally.
    let naik: Vec<usize> = w.iter().zip(&minimum).map(|(a, m)| (*a).max(*m)).collect();
    let jumlah_naik: usize = naik.iter().sum();
    if jumlah_naik <= lebar {
        return naik;
    }
    let lebih = jumlah_naik - lebar;
    let longgar: usize = naik.iter().zip(&minimum).map(|(a, m)| a - m.min(a)).sum();
    if longgar >= lebih {
        return naik
            .iter()
            .zip(&minimum)
            .map(|(a, m)| a - (a - m.min(a)) * lebih / longgar.max(1))
            .collect();
    }
    naik.iter().map(|a| a * lebar / jumlah_naik).collect()
}

fn angka(s: &Sel) -> bool {
    matches!(s, Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_))
}

fn tabel_tanpa_garis(sel: Vec<TableCell>, lebar: usize) -> Table {
    Table::new(vec![TableRow::new(sel)])
        .set_grid(vec![lebar, lebar])
        .width(lebar * 2, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
}

fn sel_tanda_tangan(tt: &TandaTangan, lebar: usize) -> TableCell {
    let baris = |teks: &str| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(0))
            .add_run(Run::new().add_text(teks))
    };
    let mut c = TableCell::new().width(lebar, WidthType::Dxa);
    if let Some(t) = &tt.tempat_tanggal {
        c = c.add_paragraph(baris(t));
    } else {
        c = c.add_paragraph(baris(""));
    }
    if let Some(p) = &tt.peran {
        c = c.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(0))
                .add_run(Run::new().add_text(p.to_uppercase()).bold()),
        );
    }
    c = c.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(0))
            .add_run(Run::new().add_text(&tt.jabatan).bold()),
    );
    for _ in 0..4 {
        c = c.add_paragraph(baris(""));
    }
    c = c.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(0))
            .add_run(Run::new().add_text(&tt.nama).bold().underline("single")),
    );
    if let Some(p) = &tt.pangkat {
        c = c.add_paragraph(baris(p));
    }
    if let Some(n) = &tt.nip {
        c = c.add_paragraph(baris(&format!("NIP. {n}")));
    }
    c
}

/// "KECAMATAN MUMBULSARI" -> "Kecamatan Mumbulsari" for the footer line.
fn judul_kapital(s: &str) -> String {
    s.split(' ')
        .map(|k| {
            let mut c = k.chars();
            match c.next() {
                Some(a) => a
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Width and height of a PNG, from its IHDR chunk.
fn ukuran_png(png: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// What docx-rs 0.4.22 cannot write, added to its XML: repeated header rows, roman page
/// numbers, "update fields on open" so Word fills in the table of contents, and text without
/// the control characters XML cannot hold.
fn perbaiki(mut xml: XMLDocx) -> XMLDocx {
    // Paragraph ids come from a per-thread counter in docx-rs, assigned when a paragraph is
    // created: number them afresh so they depend on this document only.
    // Control characters in the user's text reach the XML as they are: replaced here, as
    // everywhere else kinerja writes markup.
    let mut n = 0;
    let doc = nomori_paragraf(
        &tanpa_kendali(&String::from_utf8_lossy(&xml.document)),
        &mut n,
    );
    for f in &mut xml.footers {
        *f = nomori_paragraf(&tanpa_kendali(&String::from_utf8_lossy(f)), &mut n).into_bytes();
    }
    let doc = doc
        .replace(
            "<w:trPr><w:cantSplit />",
            "<w:trPr><w:cantSplit /><w:tblHeader />",
        )
        .replace(PENANDA_ROMAWI, "w:fmt=\"lowerRoman\"");
    xml.document = doc.into_bytes();
    let set = String::from_utf8_lossy(&xml.settings);
    if let Some(i) = set.rfind("</w:settings>") {
        let mut s = set[..i].to_string();
        s.push_str("<w:updateFields w:val=\"true\" /></w:settings>");
        xml.settings = s.into_bytes();
    }
    let gaya = String::from_utf8_lossy(&xml.styles);
    // Indonesian as the proofing language.
    xml.styles = gaya
        .replacen("</w:rFonts>", "</w:rFonts><w:lang w:val=\"id-ID\" />", 1)
        .into_bytes();
    xml
}

/// Renumbers `w14:paraId="…"` (8 hex digits) in document order.
fn nomori_paragraf(xml: &str, n: &mut u32) -> String {
    const ATRIBUT: &str = "w14:paraId=\"";
    let mut hasil = String::with_capacity(xml.len());
    let mut sisa = xml;
    while let Some(i) = sisa.find(ATRIBUT) {
        let mulai = i + ATRIBUT.len();
        let Some(j) = sisa[mulai..].find('"') else {
            break;
        };
        *n += 1;
        hasil.push_str(&sisa[..mulai]);
        hasil.push_str(&format!("{:08X}", *n));
        sisa = &sisa[mulai + j..];
    }
    hasil.push_str(sisa);
    hasil
}

/// Writes the package with fixed entry times (1980-01-01, the zip epoch) and deflate, in a
/// fixed order: the same parts give the same bytes.
fn kemas(xml: XMLDocx) -> Result<Vec<u8>, GalatDocx> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opsi = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut tulis = |nama: &str, isi: &[u8]| -> Result<(), GalatDocx> {
        z.start_file(nama, opsi)?;
        z.write_all(isi)?;
        Ok(())
    };
    tulis("[Content_Types].xml", &xml.content_type)?;
    tulis("_rels/.rels", &xml.rels)?;
    tulis("docProps/app.xml", &xml.doc_props.app)?;
    tulis("docProps/core.xml", &xml.doc_props.core)?;
    tulis("docProps/custom.xml", &xml.doc_props.custom)?;
    tulis("word/_rels/document.xml.rels", &xml.document_rels)?;
    tulis("word/document.xml", &xml.document)?;
    tulis("word/styles.xml", &xml.styles)?;
    tulis("word/settings.xml", &xml.settings)?;
    tulis("word/fontTable.xml", &xml.font_table)?;
    tulis("word/comments.xml", &xml.comments)?;
    tulis("word/numbering.xml", &xml.numberings)?;
    tulis("word/commentsExtended.xml", &xml.comments_extended)?;
    tulis("word/footnotes.xml", &xml.footnotes)?;
    for (i, h) in xml.headers.iter().enumerate() {
        tulis(&format!("word/header{}.xml", i + 1), h)?;
        if let Some(r) = xml.header_rels.get(i) {
            tulis(&format!("word/_rels/header{}.xml.rels", i + 1), r)?;
        }
    }
    for (i, f) in xml.footers.iter().enumerate() {
        tulis(&format!("word/footer{}.xml", i + 1), f)?;
        if let Some(r) = xml.footer_rels.get(i) {
            tulis(&format!("word/_rels/footer{}.xml.rels", i + 1), r)?;
        }
    }
    let mut media = xml.media;
    media.sort_by(|a, b| a.0.cmp(&b.0));
    for (nama, isi) in &media {
        tulis(&format!("word/media/{nama}.png"), isi)?;
    }
    Ok(z.finish()?.into_inner())
}
