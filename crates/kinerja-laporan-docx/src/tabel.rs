//! Tables: a caption, a header row repeated on every page, numbers right-aligned, and column
//! widths that keep every word whole.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Shading, Table, TableAlignmentType, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};
use kinerja_laporan::{Sel, Tabel};

use crate::{Penulis, Unsur};

impl Penulis<'_> {
    pub(crate) fn tabel(&mut self, t: &Tabel) {
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
