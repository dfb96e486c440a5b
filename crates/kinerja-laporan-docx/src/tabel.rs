//! Tables: a caption, a header row repeated on every page, numbers right-aligned, and column
//! widths that keep every word whole.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Shading, Table, TableAlignmentType, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};
use kinerja_grafik::lebar_teks;
use kinerja_laporan::{Sel, Tabel};

use crate::{Penulis, Unsur};

/// The cell's left and right margin in twips (1,5 mm), written on every table: without it Word
/// and LibreOffice use 108 each, room a fourteen-column matrix cannot spare.
const TEPI_SEL: usize = 85;
/// The room a cell takes besides its text: both margins and 30 twips for the border and
/// rounding.
const RUANG_SEL: usize = 2 * TEPI_SEL + 30;

impl Penulis<'_> {
    pub(crate) fn tabel(&mut self, t: &Tabel) {
        // A table from the narrative has no caption; the text before it introduces it.
        if !t.judul.is_empty() {
            let p = self.keterangan(&t.judul, true).keep_next(true);
            self.paragraf(p);
        }
        let ukuran = ukuran_huruf(t, self.lebar());
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
                            // Kept with the next row: a header never ends a page alone (Word
                            // keeps a row whose paragraphs are all "keep with next" on the
                            // page of the row after it).
                            Paragraph::new()
                                .style("IsiTabel")
                                .align(AlignmentType::Center)
                                .keep_next(true)
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
            .margins(TableCellMargins::new().margin(0, TEPI_SEL, 0, TEPI_SEL))
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

/// The table's font size in half-points: the largest of 9.5, 8, 7 and 6 pt at which the
/// longest words of all columns fit side by side (8 pt at most past eight columns). At 9.5 pt
/// the IKU table's six text columns broke "Meningkatkan" and "Pemberdayaan" mid-word in
/// LibreOffice, at 8 pt the fourteen-column Renstra matrix broke its year headers ("201/6"),
/// and at 7 pt its seven text columns cannot all hold "Penyelenggaraan".
fn ukuran_huruf(t: &Tabel, lebar: usize) -> usize {
    let pilihan: &[usize] = if t.kolom.len() > 8 {
        &[16, 14, 12]
    } else {
        &[19, 16, 14, 12]
    };
    pilihan
        .iter()
        .copied()
        .find(|u| minimum(t, *u).iter().sum::<usize>() <= lebar)
        .unwrap_or(12)
}

/// Column widths in twips, from the relative widths, filling the text width; a column is at
/// least as wide as the longest word of its header and cells (so "No" does not break into
/// "N/o" nor "Meningkatnya" into "Meningkatn/ya"), taken from the wider columns.
fn lebar_kolom(t: &Tabel, lebar: usize, ukuran: usize) -> Vec<usize> {
    let jumlah: usize = t.kolom.iter().map(|k| usize::from(k.lebar.max(1))).sum();
    if jumlah == 0 {
        return Vec::new();
    }
    let minimum = minimum(t, ukuran);
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

/// Each column's narrowest width in twips at font size `ukuran` (half-points): its longest
/// word, whole, as the PDF's columns (Word and LibreOffice break a word wider than its cell
/// anywhere, "Penyelenggaraa/n"; they break after a hyphen, so a hyphenated word counts by its
/// pieces).
fn minimum(t: &Tabel, ukuran: usize) -> Vec<usize> {
    // Widths in twips. `ukuran` is in half-points, so the font size in twips is `ukuran` x 10;
    // plus the cell's margins (`RUANG_SEL`). Header words are bold; a number is never broken.
    // Where Arial is missing LibreOffice sets the text in DejaVu Sans, whose bold face is up to
    // 23 % wider than its book face ("i", "t", "P"), so bold counts 1,2 times the book width
    // (`lebar_teks`'s own 1,1 is the charts' estimate).
    let huruf = ukuran as f64 * 10.0;
    let lebar = |w: &str, tebal: bool| lebar_teks(w, huruf, false) * if tebal { 1.2 } else { 1.0 };
    let kata_terlebar = |s: &str, tebal: bool| {
        s.split_whitespace()
            .flat_map(|w| w.split_inclusive('-'))
            .map(|w| lebar(w, tebal))
            .fold(0.0, f64::max)
    };
    t.kolom
        .iter()
        .enumerate()
        .map(|(j, k)| {
            let kepala = kata_terlebar(&k.judul, true);
            let isi = t
                .baris
                .iter()
                .filter_map(|b| Some((b.sel.get(j)?, b.tebal)))
                .map(|(s, tebal)| match s {
                    Sel::Teks(x) => kata_terlebar(x, tebal),
                    Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_) => lebar(&s.cetak(), tebal),
                    // "data tidak tersedia", italic (bold italic in a bold row).
                    _ => lebar("tersedia", tebal),
                })
                .fold(0.0, f64::max);
            kepala.max(isi).ceil() as usize + RUANG_SEL
        })
        .collect()
}

fn angka(s: &Sel) -> bool {
    matches!(s, Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaya::LEBAR_TEGAK;
    use kinerja_laporan::{Baris, Kolom};
    use rust_decimal::Decimal;

    fn tabel(kolom: &[(&str, u8)], baris: Vec<Baris>) -> Tabel {
        Tabel {
            nama: "Tabel 1".into(),
            judul: "Tabel 1".into(),
            kolom: kolom
                .iter()
                .map(|(judul, lebar)| Kolom {
                    judul: (*judul).into(),
                    lebar: *lebar,
                    rata_kanan: false,
                })
                .collect(),
            baris,
            catatan: None,
        }
    }

    // The text width is 11906 - 1701 - 1417 = 8788 twips; a column of relative width 1 next to
    // one of 20 gets 8788 / 21 = 418, less than any minimum below, so it is raised to it. At
    // 9,5 pt (19 half-points) an em is 190 twips.

    #[test]
    fn a_column_is_as_wide_as_its_longest_header_word() {
        // "No" bold: (748 + 612) / 1000 em x 190 x 1,2 = 310,08 -> 311, + 200 (two margins of
        // 85 and 30).
        let w = lebar_kolom(
            &tabel(&[("No", 1), ("Uraian", 20)], vec![]),
            LEBAR_TEGAK,
            19,
        );
        assert_eq!(w[0], 511);
        assert_eq!(w.iter().sum::<usize>(), LEBAR_TEGAK);
    }

    #[test]
    fn a_number_is_kept_whole_and_bold_rows_count_wider() {
        // "1.234.567,89": 9 digits x 636 + 3 marks x 318 = 6678 / 1000 em x 190 = 1268,82 ->
        // 1269 + 200; bold x 1,2 = 1522,58 -> 1523 + 200. The header "Pagu" bold needs 767.
        let angka = |tebal| Baris {
            sel: vec![
                Sel::Kosong,
                Sel::Angka {
                    nilai: Decimal::new(123456789, 2),
                    desimal: 2,
                },
            ],
            tebal,
        };
        let biasa = tabel(&[("Uraian", 20), ("Pagu", 1)], vec![angka(false)]);
        assert_eq!(lebar_kolom(&biasa, LEBAR_TEGAK, 19)[1], 1469);
        let tebal = tabel(&[("Uraian", 20), ("Pagu", 1)], vec![angka(true)]);
        assert_eq!(lebar_kolom(&tebal, LEBAR_TEGAK, 19)[1], 1723);
    }

    #[test]
    fn a_long_word_counts_whole_and_a_hyphenated_one_by_its_pieces() {
        // "Penyelenggaraan", all 15 letters: P 603 + e 615 + n 634 + y 592 + e 615 + l 278 +
        // e 615 + n 634 + g 635 + g 635 + a 613 + r 411 + a 613 + a 613 + n 634 = 8740 / 1000 em
        // x 190 = 1660,6 -> 1661, + 200; wider than the header "Uraian" (949).
        let t = tabel(
            &[("Uraian", 1), ("Keterangan", 20)],
            vec![Baris {
                sel: vec![Sel::teks("Penyelenggaraan"), Sel::Kosong],
                tebal: false,
            }],
        );
        assert_eq!(lebar_kolom(&t, LEBAR_TEGAK, 19)[0], 1861);
        // "Sarana-prasarana" breaks after its hyphen: the wider piece is "prasarana", p 635 +
        // r 411 + a 613 + s 521 + a 613 + r 411 + a 613 + n 634 + a 613 = 5064 / 1000 x 190 =
        // 962,16 -> 963, + 200 = 1163; the header "Uraian" bold: U 732 + r 411 + a 613 + i 278
        // + a 613 + n 634 = 3281 x 0,19 x 1,2 = 748,07 -> 749 + 200 = 949. So 1163.
        let t = tabel(
            &[("Uraian", 1), ("Keterangan", 20)],
            vec![Baris {
                sel: vec![Sel::teks("Sarana-prasarana"), Sel::Kosong],
                tebal: false,
            }],
        );
        assert_eq!(lebar_kolom(&t, LEBAR_TEGAK, 19)[0], 1163);
    }
}
