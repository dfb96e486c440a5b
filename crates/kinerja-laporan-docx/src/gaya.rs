//! The document skeleton: styles, list numbering, and the page setup of each section (A4,
//! portrait or landscape, roman or arabic page numbers).

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, FooterReference, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, PageMargin, PageNumType, PageOrientationType, PageSize,
    Paragraph, RunFonts, SectionProperty, SectionType, SpecialIndentType, Start, Style, StyleType,
};

use crate::Penulis;

// Page geometry, in twentieths of a point (twips). A4 with 3 cm left and 2.5 cm other margins.
const A4_PENDEK: u32 = 11906;
const A4_PANJANG: u32 = 16838;
const MARGIN_KIRI: i32 = 1701;
const MARGIN_LAIN: i32 = 1417;
/// Usable text width on a portrait / landscape page.
pub(crate) const LEBAR_TEGAK: usize = (A4_PENDEK as i32 - MARGIN_KIRI - MARGIN_LAIN) as usize;
pub(crate) const LEBAR_LANSKAP: usize = (A4_PANJANG as i32 - MARGIN_KIRI - MARGIN_LAIN) as usize;

/// The footers as docx-rs numbers them: the arabic one (registered first, as the body's
/// footer) and the roman one of the front matter (registered second).
const FOOTER_RID: &str = "rIdFooter1";
const FOOTER_ROMAWI_RID: &str = "rIdFooter2";
const FONT: &str = "Arial";
/// docx-rs always writes abstract numbering 1 and numbering 1 (a default decimal list): ours
/// start above them.
pub(crate) const ABSTRAK_NOMOR: usize = 10;
const ABSTRAK_BUTIR: usize = 11;
/// Bullet lists share one numbering; each numbered list gets its own, restarting at 1.
pub(crate) const DAFTAR_BUTIR: usize = 10;

/// A new document with kinerja's styles and list numberings.
pub(crate) fn kerangka() -> Docx {
    Docx::new()
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
        .add_numbering(Numbering::new(DAFTAR_BUTIR, ABSTRAK_BUTIR))
}

/// How a section numbers its pages.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Penomoran {
    /// Cover: no page number.
    Tanpa,
    /// Front matter: i, ii, iii.
    Romawi,
    /// Bab and lampiran: 1, 2, 3.
    Arab,
}

/// The section a chapter is set in.
pub(crate) struct Bagian {
    pub(crate) lanskap: bool,
    pub(crate) penomoran: Penomoran,
    /// Restart the page numbers at 1.
    pub(crate) mulai: bool,
}

impl Penulis<'_> {
    /// Ends the current section: the section properties go into an empty last paragraph.
    pub(crate) fn akhiri_bagian(&mut self, b: &Bagian) {
        let sp = properti_bagian(b);
        self.paragraf(Paragraph::new().section_property(sp));
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

pub(crate) fn properti_bagian(b: &Bagian) -> SectionProperty {
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
    match b.penomoran {
        Penomoran::Tanpa => {}
        Penomoran::Romawi => {
            sp.footer_reference = Some(FooterReference::new("default", FOOTER_ROMAWI_RID));
        }
        Penomoran::Arab => sp.footer_reference = Some(FooterReference::new("default", FOOTER_RID)),
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
