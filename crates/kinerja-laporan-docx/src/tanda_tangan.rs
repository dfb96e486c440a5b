//! Signature blocks: one signatory on the right half of the page, or two side by side (the
//! Perjanjian Kinerja), in tables without borders.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Table, TableBorders, TableCell, TableLayoutType,
    TableRow, WidthType,
};
use kinerja_laporan::TandaTangan;

use crate::{Penulis, Unsur};

impl Penulis<'_> {
    /// One signatory, on the right half.
    pub(crate) fn tanda_tangan(&mut self, tt: &TandaTangan) {
        let lebar = self.lebar() / 2;
        let kosong = TableCell::new()
            .width(lebar, WidthType::Dxa)
            .add_paragraph(Paragraph::new());
        let t = tabel_tanpa_garis(vec![kosong, sel_tanda_tangan(tt, lebar)], lebar);
        self.paragraf(Paragraph::new());
        self.badan.push(Unsur::Tabel(Box::new(t)));
    }

    /// Two signatories side by side.
    pub(crate) fn dua_pihak(&mut self, kiri: &TandaTangan, kanan: &TandaTangan) {
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
