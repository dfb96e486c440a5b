//! Tables: a caption, a header row repeated on every page, numbers right-aligned, and column
//! widths that keep every word whole.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Shading, Table, TableAlignmentType, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};
use kinerja_grafik::lebar_teks;
use kinerja_laporan::{Sel, Tabel};

use crate::{Penulis, Unsur};

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

/// The table's font size in half-points: the largest of 9.5, 8 and 7 pt at which the longest
/// words of all columns fit side by side (8 pt at most past eight columns). At 9.5 pt the IKU
/// table's six text columns broke "Meningkatkan" and "Pemberdayaan" mid-word in LibreOffice,
/// and at 8 pt the twelve-column Renstra matrix broke its year headers ("201/6").
fn ukuran_huruf(t: &Tabel, lebar: usize) -> usize {
    let pilihan: &[usize] = if t.kolom.len() > 8 {
        &[16, 14]
    } else {
        &[19, 16, 14]
    };
    pilihan
        .iter()
        .copied()
        .find(|u| minimum(t, *u).iter().sum::<usize>() <= lebar)
        .unwrap_or(14)
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

/// Each column's narrowest width in twips at font size `ukuran` (half-points).
fn minimum(t: &Tabel, ukuran: usize) -> Vec<usize> {
    // Widths in twips. `ukuran` is in half-points, so the font size in twips is `ukuran` x 10;
    // 300 twips of cell padding. Header words are bold; a body word counts with its first 13
    // characters at most (a longer one may break); a number is never broken.
    let huruf = ukuran as f64 * 10.0;
    let kata_terlebar = |s: &str, tebal: bool, maks: usize| {
        s.split_whitespace()
            .map(|w| lebar_teks(&w.chars().take(maks).collect::<String>(), huruf, tebal))
            .fold(0.0, f64::max)
    };
    t.kolom
        .iter()
        .enumerate()
        .map(|(j, k)| {
            let kepala = kata_terlebar(&k.judul, true, usize::MAX);
            let isi = t
                .baris
                .iter()
                .filter_map(|b| Some((b.sel.get(j)?, b.tebal)))
                .map(|(s, tebal)| match s {
                    Sel::Teks(x) => kata_terlebar(x, tebal, 13),
                    Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_) => {
                        lebar_teks(&s.cetak(), huruf, tebal)
                    }
                    _ => lebar_teks("tersedia", huruf, false),
                })
                .fold(0.0, f64::max);
            kepala.max(isi).ceil() as usize + 300
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
        // "No" bold: (748 + 612) / 1000 em x 190 x 1,1 = 284,24 -> 285, + 300 padding.
        let w = lebar_kolom(
            &tabel(&[("No", 1), ("Uraian", 20)], vec![]),
            LEBAR_TEGAK,
            19,
        );
        assert_eq!(w[0], 585);
        assert_eq!(w.iter().sum::<usize>(), LEBAR_TEGAK);
    }

    #[test]
    fn a_number_is_kept_whole_and_bold_rows_count_wider() {
        // "1.234.567,89": 9 digits x 636 + 3 marks x 318 = 6678 / 1000 em x 190 = 1268,82 ->
        // 1269 + 300; bold x 1,1 = 1395,70 -> 1396 + 300. The header "Pagu" needs 820.
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
        assert_eq!(lebar_kolom(&biasa, LEBAR_TEGAK, 19)[1], 1569);
        let tebal = tabel(&[("Uraian", 20), ("Pagu", 1)], vec![angka(true)]);
        assert_eq!(lebar_kolom(&tebal, LEBAR_TEGAK, 19)[1], 1696);
    }

    #[test]
    fn a_long_word_counts_with_its_first_13_characters() {
        // "Penyelenggara" (13 of "Penyelenggaraan"): 7493 / 1000 em x 190 = 1423,67 -> 1424,
        // + 300; wider than the header "Uraian" (986).
        let t = tabel(
            &[("Uraian", 1), ("Keterangan", 20)],
            vec![Baris {
                sel: vec![Sel::teks("Penyelenggaraan"), Sel::Kosong],
                tebal: false,
            }],
        );
        assert_eq!(lebar_kolom(&t, LEBAR_TEGAK, 19)[0], 1724);
    }
}
