//! The cover, the table of contents and the page footer.

use docx_rs::{
    AlignmentType, FieldCharType, Footer, Hyperlink, HyperlinkType, InstrPAGE, InstrText, InstrToC,
    LineSpacing, Paragraph, Run, Tab, TabLeaderType, TabValueType,
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
        if let Some(draf) = &d.draf {
            self.paragraf(tengah("DRAF", 72, true, 0));
            self.paragraf(tengah(draf, 22, true, 120));
        }
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

    pub(crate) fn daftar_isi(&self) -> Vec<Paragraph> {
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

    pub(crate) fn kaki(&self) -> Footer {
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
