//! The cover, the table of contents and the page footer.

use docx_rs::{
    AlignmentType, FieldCharType, Footer, Hyperlink, HyperlinkType, InstrPAGE, InstrText,
    LineSpacing, Paragraph, Pic, Run, Tab, TabLeaderType, TabValueType,
};

use crate::Penulis;
use crate::gaya::{Bagian, LEBAR_TEGAK, Penomoran};

impl Penulis<'_> {
    pub(crate) fn sampul(&mut self) {
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
        let mut sebelum_judul = 2400;
        if let Some(p) = self.logo(35.0, 50.0) {
            self.paragraf(p.line_spacing(LineSpacing::new().before(600).after(240)));
            sebelum_judul = 240;
        }
        if let Some(draf) = &d.draf {
            self.paragraf(tengah("DRAF", 72, true, 0));
            self.paragraf(tengah(draf, 22, true, 120));
        }
        self.paragraf(tengah(&d.judul, 40, true, sebelum_judul));
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

    /// Daftar Isi, then Daftar Tabel and Daftar Grafik where the report has tables and charts.
    /// Each entry's page number is a PAGEREF field to the heading's or caption's bookmark, not
    /// inside a TOC field: LibreOffice computes PAGEREF when it lays the document out (a TOC
    /// field's pre-rendered result it shows as stored, without page numbers, until the user
    /// updates it), and Word fills them in on opening (`w:updateFields`).
    /// The emblem, centred, at most `tinggi` mm tall and `lebar` mm wide; none without a logo.
    pub(crate) fn logo(&mut self, tinggi: f64, lebar: f64) -> Option<Paragraph> {
        let l = self.d.logo.as_ref()?;
        let skala = (tinggi / f64::from(l.tinggi)).min(lebar / f64::from(l.lebar));
        // EMU: 36 000 a millimetre.
        let emu = |piksel: u32| (f64::from(piksel) * skala * 36_000.0).round() as u32;
        self.gambar += 1;
        let pic = Pic::new_with_dimensions(l.isi.clone(), l.lebar, l.tinggi)
            .size(emu(l.lebar), emu(l.tinggi))
            .id(format!("rIdImage{}", self.gambar));
        Some(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_image(pic)),
        )
    }

    pub(crate) fn daftar_isi(&self) -> Vec<Paragraph> {
        let mut ps = vec![judul_daftar("DAFTAR ISI", false)];
        for (tingkat, teks, penanda) in self.isi.iter().filter(|e| e.0 <= 2) {
            ps.push(entri(&format!("TOC{tingkat}"), teks, penanda));
        }
        for (judul, daftar) in [
            ("DAFTAR TABEL", &self.daftar_tabel),
            ("DAFTAR GRAFIK", &self.daftar_grafik),
        ] {
            if daftar.is_empty() {
                continue;
            }
            ps.push(judul_daftar(judul, true));
            for (teks, penanda) in daftar {
                ps.push(entri("TOC1", teks, penanda));
            }
        }
        ps.push(
            Paragraph::new()
                .style("Catatan")
                .line_spacing(LineSpacing::new().before(240))
                .add_run(Run::new().add_text(
                    "Nomor halaman diisi saat dokumen dibuka (Word menawarkan memperbarui bidang: \
             jawab Ya). Bila judul bab diubah, daftar ini tidak ikut berubah: sisipkan daftar \
             isi otomatis Word/LibreOffice di tempatnya.",
                )),
        );
        ps
    }

    /// The footer: the page number, the draft mark, the report and its fingerprint. The front
    /// matter's page number field carries the roman format itself (`PAGE \* roman`): the
    /// section's `w:pgNumType w:fmt="lowerRoman"` is what Word reads, but LibreOffice printed
    /// the front matter's numbers in arabic from a plain PAGE field.
    pub(crate) fn kaki(&self, romawi: bool) -> Footer {
        let d = self.d;
        let (instr, contoh) = if romawi {
            (InstrText::Unsupported("PAGE \\* roman".into()), "i")
        } else {
            (InstrText::PAGE(InstrPAGE::new()), "1")
        };
        let nomor = Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(instr)
                .add_field_char(FieldCharType::Separate, false)
                .add_text(contoh)
                .add_field_char(FieldCharType::End, false),
        );
        let keterangan = format!(
            "{} {} Tahun {} · sidik data {} · kinerja {}",
            d.nama_jenis(),
            judul_kapital(&d.instansi),
            d.tahun,
            d.sidik,
            d.versi
        );
        let kaki = Footer::new().add_paragraph(nomor);
        let kaki = match &d.draf {
            Some(draf) => kaki.add_paragraph(
                Paragraph::new().align(AlignmentType::Center).add_run(
                    Run::new()
                        .add_text(draf.as_str())
                        .bold()
                        .size(16)
                        .color("A01414"),
                ),
            ),
            None => kaki,
        };
        kaki.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(keterangan).size(14).color("555555")),
        )
    }
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

fn judul_daftar(teks: &str, halaman_baru: bool) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .page_break_before(halaman_baru)
        .line_spacing(LineSpacing::new().after(240))
        .add_run(Run::new().add_text(teks).bold().size(28))
}

/// One line of a list: the text linked to its bookmark, dot leader, the page number as a
/// PAGEREF field (empty until computed).
fn entri(gaya: &str, teks: &str, penanda: &str) -> Paragraph {
    let tab = Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(LEBAR_TEGAK);
    Paragraph::new().style(gaya).add_tab(tab).add_hyperlink(
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
    )
}
