//! Cells, table numbering and the small blocks every chapter builds: one place decides how a
//! target, a capaian, a serapan or a missing figure looks in the report.

use crate::dokumen::*;
use kinerja_core::anggaran::Serapan;
use kinerja_core::capaian::Capaian;
use kinerja_core::nilai::Nilai;
use kinerja_core::predikat::Predikat;
use kinerja_core::waktu::Tanggal;
use rust_decimal::Decimal;

/// Under every table with a capaian column.
pub(super) const CATATAN_TT: &str = "\"data tidak tersedia\" pada capaian: target atau realisasi belum ada, target 0, atau target kualitatif tanpa nilai setara angka.";

pub(super) fn tt() -> Sel {
    Sel::TidakTersedia(None)
}

pub(super) fn kolom(judul: &str, lebar: u8, kanan: bool) -> Kolom {
    Kolom {
        judul: judul.into(),
        lebar,
        rata_kanan: kanan,
    }
}

pub(super) fn baris(sel: Vec<Sel>) -> Baris {
    Baris { sel, tebal: false }
}

pub(super) fn baris_tebal(sel: Vec<Sel>) -> Baris {
    Baris { sel, tebal: true }
}

/// Text printed only on the first row of a group (a sasaran spanning its indicators' rows).
pub(super) fn sekali(pertama: bool, teks: impl FnOnce() -> String) -> Sel {
    Sel::teks(if pertama { teks() } else { String::new() })
}

/// A target or realisasi: a plain number prints (and exports) as a number, a percent as a
/// percent, an amount written "Rp 43.600.000,00" as money (so a workbook can sum it); a value
/// with a label ("B (80 %)"), a comparison ("≤ 5") or a range prints as written.
pub(super) fn nilai(n: Option<&Nilai>) -> Sel {
    use kinerja_core::nilai::Bentuk;
    use kinerja_core::uang::Rupiah;
    match n.map(|n| (n, n.bentuk())) {
        None => tt(),
        Some((
            n,
            Bentuk::Angka {
                nilai,
                label: None,
                satuan: Some(s),
                operator: None,
            },
        )) if s == "Rp" => Rupiah::new(*nilai)
            .map(Sel::Rupiah)
            .unwrap_or_else(|_| Sel::teks(n.teks())),
        Some((
            _,
            Bentuk::Angka {
                nilai,
                label: None,
                satuan,
                operator: None,
            },
        )) if satuan.as_deref().map(str::trim) == Some("%") => Sel::Persen(*nilai),
        Some((
            _,
            Bentuk::Angka {
                nilai,
                label: None,
                satuan: None,
                operator: None,
            },
        )) => Sel::Angka {
            nilai: *nilai,
            // A number read from the data has at most 6 decimals (`angka`); more is a quotient
            // the core computed (a formula's realisasi, a mean of quarters): two, like a
            // percentage.
            desimal: if nilai.scale() > 6 { 2 } else { nilai.scale() },
        },
        Some((n, _)) => Sel::teks(n.teks()),
    }
}

/// A capaian cell; why one is not available is said in the table's note (a reason in a narrow
/// column makes rows many lines tall).
pub(super) fn capaian(c: &Capaian) -> Sel {
    match c {
        Capaian::Ada { persen, .. } => Sel::Persen(*persen),
        Capaian::TidakTersedia { .. } => tt(),
    }
}

pub(super) fn predikat(p: Option<&Predikat>) -> Sel {
    p.map(|p| Sel::teks(&p.label)).unwrap_or_else(tt)
}

pub(super) fn persen(p: Option<Decimal>) -> Sel {
    p.map(Sel::Persen).unwrap_or_else(tt)
}

/// A computed figure printed with two decimals.
pub(super) fn angka(nilai: Decimal) -> Sel {
    Sel::Angka { nilai, desimal: 2 }
}

/// `awal`, then the budget line's pagu, its share when given, realisasi and serapan.
pub(super) fn sel_serapan(mut awal: Vec<Sel>, s: &Serapan, proporsi: Option<Sel>) -> Vec<Sel> {
    awal.push(Sel::Rupiah(s.pagu));
    awal.extend(proporsi);
    awal.push(
        s.realisasi
            .map(Sel::Rupiah)
            .unwrap_or(Sel::TidakTersedia(Some("belum dilaporkan".into()))),
    );
    awal.push(persen(s.persen));
    awal
}

/// The columns that go with [`sel_serapan`].
pub(super) fn kolom_serapan(mut awal: Vec<Kolom>, proporsi: bool) -> Vec<Kolom> {
    awal.push(kolom("Pagu (Rp)", 3, true));
    if proporsi {
        awal.push(kolom("Proporsi", 2, true));
    }
    awal.push(kolom("Realisasi (Rp)", 3, true));
    awal.push(kolom("Serapan", 2, true));
    awal
}

/// Narrative text as the author wrote it: a paragraph per line, and consecutive lines of
/// tab-separated cells (a table the source printed inside its text, such as the predikat scale
/// of Bab III A) as that table, so it does not read as "NoCAPAIAN KINERJAKETERANGAN".
pub(super) fn paragraf(teks: &str) -> Vec<Blok> {
    let mut out = Vec::new();
    let mut sel_tabel: Vec<Vec<String>> = Vec::new();
    for l in teks.lines() {
        if l.contains('\t') {
            sel_tabel.push(l.split('\t').map(|c| c.trim().to_string()).collect());
            continue;
        }
        out.extend(tabel_teks(std::mem::take(&mut sel_tabel)));
        let l = l.trim();
        if !l.is_empty() {
            out.push(Blok::Paragraf {
                teks: l.to_string(),
            });
        }
    }
    out.extend(tabel_teks(sel_tabel));
    out
}

/// Name of a table that stood in the narrative, before [`namai_tabel_teks`] numbers it.
const NAMA_TABEL_TEKS: &str = "Tabel dalam teks";

/// Numbers the narrative's tables in document order ("Tabel dalam teks 1", ...): a table's name
/// is unique in the document (the XLSX sheet it becomes).
pub(super) fn namai_tabel_teks(bab: &mut [Bab]) {
    let tabel = bab
        .iter_mut()
        .flat_map(|b| &mut b.isi)
        .filter_map(|b| match b {
            Blok::Tabel(t) if t.nama == NAMA_TABEL_TEKS => Some(t),
            _ => None,
        });
    for (i, t) in tabel.enumerate() {
        t.nama = format!("{NAMA_TABEL_TEKS} {}", i + 1);
    }
}

/// A table from the narrative, cells as written. It has no caption of its own (the text before
/// it introduces it). Its first row is the header when it holds no digit, as a header row of
/// labels does ("No / CAPAIAN KINERJA / KETERANGAN"); rows shorter than the widest are padded
/// on the right. A column whose every cell is an amount of rupiah is right-aligned.
fn tabel_teks(sel: Vec<Vec<String>>) -> Option<Blok> {
    let n = sel.iter().map(Vec::len).max()?;
    let mut sel: Vec<Vec<String>> = sel
        .into_iter()
        .map(|mut b| {
            b.resize(n, String::new());
            b
        })
        .collect();
    let kepala = if sel[0].iter().any(|c| c.chars().any(|x| x.is_ascii_digit())) {
        vec![String::new(); n]
    } else {
        sel.remove(0)
    };
    let kolom = (0..n)
        .map(|j| {
            let isi = || sel.iter().map(|b| b[j].as_str()).filter(|c| !c.is_empty());
            let terpanjang = isi()
                .chain([kepala[j].as_str()])
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0);
            let rupiah = isi().count() > 0 && isi().all(|c| c.starts_with("Rp"));
            kolom(
                &kepala[j],
                u8::try_from(terpanjang.div_ceil(6).clamp(1, 8)).unwrap_or(8),
                rupiah,
            )
        })
        .collect();
    Some(Blok::Tabel(Tabel {
        nama: NAMA_TABEL_TEKS.into(),
        judul: String::new(),
        kolom,
        baris: sel
            .into_iter()
            .map(|b| baris(b.into_iter().map(Sel::Teks).collect()))
            .collect(),
        catatan: None,
    }))
}

/// "Renstra: data tidak tersedia.": the paragraph standing where a missing part would be.
pub(super) fn tidak_tersedia(apa: &str) -> Blok {
    Blok::Paragraf {
        teks: format!("{apa}: data tidak tersedia."),
    }
}

pub(super) fn judul(tingkat: u8, teks: impl Into<String>) -> Blok {
    Blok::Judul {
        tingkat,
        teks: teks.into(),
    }
}

/// A headed numbered list (kendala, langkah perbaikan); nothing when the list is empty.
pub(super) fn daftar(judul_daftar: &str, butir: &[String]) -> Vec<Blok> {
    if butir.is_empty() {
        return vec![];
    }
    vec![
        judul(1, judul_daftar),
        Blok::Daftar {
            bernomor: true,
            butir: butir.to_vec(),
        },
    ]
}

pub(super) fn blok_grafik(judul: String, svg: String) -> Blok {
    Blok::Grafik(Grafik {
        judul,
        svg,
        lebar_mm: 160,
    })
}

/// "Jember, Januari 2021", or whichever of the two the document gives.
pub(super) fn tempat_tanggal(tempat: Option<&String>, tanggal: Option<Tanggal>) -> Option<String> {
    match (tempat, tanggal) {
        (Some(t), Some(d)) => Some(format!("{t}, {d}")),
        (t, d) => t.cloned().or(d.map(|d| d.to_string())),
    }
}

pub(super) fn awal(judul: &str, isi: Vec<Blok>) -> Bab {
    Bab {
        jenis: JenisBab::Awal,
        nomor: None,
        judul: judul.into(),
        lanskap: false,
        isi,
    }
}

pub(super) fn bab(nomor: &str, judul: &str, isi: Vec<Blok>) -> Bab {
    Bab {
        jenis: JenisBab::Bab,
        nomor: Some(nomor.into()),
        judul: judul.into(),
        lanskap: false,
        isi,
    }
}

pub(super) fn lampiran(nomor: impl ToString, judul: String, lanskap: bool, isi: Vec<Blok>) -> Bab {
    Bab {
        jenis: JenisBab::Lampiran,
        nomor: Some(nomor.to_string()),
        judul,
        lanskap,
        isi,
    }
}

/// Names the tables of a chapter: "Tabel 3.1", "Tabel 3.2"...; in an annex of one table, the
/// annex itself ("Lampiran 4").
pub(super) struct Nomor {
    awalan: String,
    n: Option<usize>,
}

impl Nomor {
    pub(super) fn bab(bab: &str) -> Nomor {
        Nomor {
            awalan: format!("Tabel {bab}"),
            n: Some(0),
        }
    }

    pub(super) fn lampiran(nomor: usize) -> Nomor {
        Nomor {
            awalan: format!("Lampiran {nomor}"),
            n: Some(0),
        }
    }

    /// Every table gets the one name `nama` (an annex of a single table).
    pub(super) fn tunggal(nama: impl ToString) -> Nomor {
        Nomor {
            awalan: nama.to_string(),
            n: None,
        }
    }

    pub(super) fn tabel(
        &mut self,
        judul: &str,
        kolom: Vec<Kolom>,
        baris: Vec<Baris>,
        catatan: Option<String>,
    ) -> Blok {
        let nama = match &mut self.n {
            Some(n) => {
                *n += 1;
                format!("{}.{n}", self.awalan)
            }
            None => self.awalan.clone(),
        };
        Blok::Tabel(Tabel {
            judul: format!("{nama} {judul}"),
            nama,
            kolom,
            baris,
            catatan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_target_is_a_percent_a_plain_number_keeps_its_decimals_a_label_prints_as_written() {
        let n = |s: &str| Nilai::parse(s).unwrap();
        assert_eq!(nilai(Some(&n("80 %"))), Sel::Persen(Decimal::new(80, 0)));
        // "12,50" has two decimals as written, so it prints two.
        assert_eq!(
            nilai(Some(&n("12,50"))),
            Sel::Angka {
                nilai: Decimal::new(1250, 2),
                desimal: 2
            }
        );
        assert_eq!(nilai(Some(&n("B (80 %)"))), Sel::teks("B (80 %)"));
        // A comparison is part of the target: printed as written, not as the bare number.
        assert_eq!(nilai(Some(&n("≤ 5 %"))), Sel::teks("≤ 5 %"));
        assert_eq!(nilai(Some(&n("min. 90"))), Sel::teks("min. 90"));
        // The seed's DPPA target of Koordinasi Pelayanan Umum.
        assert_eq!(
            nilai(Some(&n("Rp 43.600.000,00"))),
            Sel::Rupiah(kinerja_core::uang::Rupiah::utuh(43_600_000))
        );
        assert_eq!(nilai(None), tt());
    }

    #[test]
    fn tab_separated_lines_in_the_narrative_are_the_table_they_were() {
        // The seed's Bab III A: a paragraph, the scale table (its own numbering "2., 2., 3."
        // kept), a paragraph.
        let b = paragraf(
            "Skala ordinal sebagai berikut :\nNo\tCAPAIAN KINERJA\tKETERANGAN\n1.\tLebih dari 100 %\tSANGAT BAIK\n2.\t76 % s/d 100 %\tBAIK\n2.\t55 % s/d 75 %\tCUKUP\nAdapun rincian :",
        );
        assert_eq!(b.len(), 3, "{b:?}");
        let Blok::Tabel(t) = &b[1] else {
            panic!("{b:?}")
        };
        let kepala: Vec<&str> = t.kolom.iter().map(|k| k.judul.as_str()).collect();
        assert_eq!(kepala, ["No", "CAPAIAN KINERJA", "KETERANGAN"]);
        assert_eq!(t.baris.len(), 3);
        assert_eq!(t.baris[2].sel[0], Sel::teks("2."));
        assert_eq!(t.judul, "");
        // Rows of the budget lines: no header (the first row has figures), short rows padded,
        // the amounts right-aligned.
        let b = paragraf(
            "a. Belanja Langsung\t\tRp. 400.000.000,00\nBelanja Pegawai\tRp. 230.550.000,00",
        );
        let Blok::Tabel(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert!(t.kolom.iter().all(|k| k.judul.is_empty()));
        assert_eq!(t.baris.len(), 2);
        assert_eq!(t.baris[1].sel.len(), 3);
        assert_eq!(t.baris[1].sel[2], Sel::teks(""));
        assert!(!t.kolom[0].rata_kanan && t.kolom[1].rata_kanan && t.kolom[2].rata_kanan);
        // Text without tabs stays paragraphs.
        assert_eq!(paragraf("a\n\nb").len(), 2);
    }

    #[test]
    fn tables_of_a_chapter_count_up_and_a_single_annex_table_is_named_after_the_annex() {
        let nama = |b: Blok| match b {
            Blok::Tabel(t) => (t.nama, t.judul),
            _ => unreachable!(),
        };
        let mut no = Nomor::bab("3");
        no.tabel("A", vec![], vec![], None);
        assert_eq!(
            nama(no.tabel("B", vec![], vec![], None)),
            ("Tabel 3.2".into(), "Tabel 3.2 B".into())
        );
        assert_eq!(
            nama(Nomor::lampiran(3).tabel("PK", vec![], vec![], None)),
            ("Lampiran 3.1".into(), "Lampiran 3.1 PK".into())
        );
        assert_eq!(
            nama(Nomor::tunggal("Lampiran 4").tabel("IKU", vec![], vec![], None)),
            ("Lampiran 4".into(), "Lampiran 4 IKU".into())
        );
    }

    #[test]
    fn place_and_date_print_whichever_is_known() {
        let t = "Jember".to_string();
        let d = Tanggal::parse("Januari 2021").unwrap();
        assert_eq!(
            tempat_tanggal(Some(&t), Some(d)).as_deref(),
            Some("Jember, Januari 2021")
        );
        assert_eq!(tempat_tanggal(Some(&t), None).as_deref(), Some("Jember"));
        assert_eq!(
            tempat_tanggal(None, Some(d)).as_deref(),
            Some("Januari 2021")
        );
        assert_eq!(tempat_tanggal(None, None), None);
    }
}
