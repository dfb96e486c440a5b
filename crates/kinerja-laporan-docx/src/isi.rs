//! The body: chapters in order, each block of the document as Word paragraphs, and where the
//! sections (and so page orientation and numbering) change.

use docx_rs::{
    AlignmentType, BreakType, IndentLevel, LevelOverride, LineSpacing, Numbering, NumberingId,
    Paragraph, Run,
};
use kinerja_laporan::{Bab, Blok, JenisBab};

use crate::gaya::{ABSTRAK_NOMOR, Bagian, DAFTAR_BUTIR, Penomoran, properti_bagian};
use crate::{GalatDocx, Penulis, Unsur};

impl Penulis<'_> {
    pub(crate) fn susun_bab(&mut self) -> Result<(), GalatDocx> {
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
        // The last section's properties belong to the body; the footers are registered there:
        // the arabic one as its footer (rIdFooter1), the roman one in the "first page" slot
        // (rIdFooter2), which only makes docx-rs write the part; the slot itself is not used
        // (no first-page reference, no titlePg), the front matter's sections name the part.
        let mut docx = docx.footer(self.kaki(false)).first_footer(self.kaki(true));
        let mut sp = properti_bagian(&bagian_terakhir.unwrap_or(Bagian {
            lanskap: false,
            penomoran: Penomoran::Romawi,
            mulai: false,
        }));
        let lama = &docx.document.section_property;
        sp.footer = lama.footer.clone();
        sp.first_footer = lama.first_footer.clone();
        sp.section_type = None;
        docx.document.section_property = sp;
        self.docx = docx;
        Ok(())
    }

    fn judul(&mut self, tingkat: usize, baris: &[String]) {
        let (id, nama) = self.penanda_baru();
        let mut p = Paragraph::new()
            .style(&format!("Heading{tingkat}"))
            .add_bookmark_start(id, &nama);
        for (i, b) in baris.iter().enumerate() {
            let mut r = Run::new();
            if i > 0 {
                r = r.add_break(BreakType::TextWrapping);
            }
            p = p.add_run(r.add_text(b));
        }
        p = p.add_bookmark_end(id);
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
        // A signed annex (the PK, a decree) is a document of its own: the emblem as its kop.
        let bertanda = bab
            .isi
            .iter()
            .any(|x| matches!(x, Blok::TandaTangan(_) | Blok::DuaPihak { .. }));
        if bab.jenis == JenisBab::Lampiran
            && bertanda
            && let Some(p) = self.logo(22.0, 35.0)
        {
            self.paragraf(p.line_spacing(LineSpacing::new().after(120)));
        }
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
            Blok::TandaTangan(tt) => self.tanda_tangan(tt),
            Blok::DuaPihak { kiri, kanan } => self.dua_pihak(kiri, kanan),
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
}
