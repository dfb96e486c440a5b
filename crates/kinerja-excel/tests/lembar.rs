//! The workbook both ways: what the template holds (read back with calamine), that an unchanged
//! workbook is no change and one changed cell is one change, and that every kind of bad cell is
//! named by its cell and changes nothing.

mod bersama;

use bersama::*;
use calamine::{Data, Reader, Xlsx};
use kinerja_core::model::*;
use kinerja_core::waktu::{Bulan, Periode};
use kinerja_excel::{baca, templat, ubah};
use std::io::{Cursor, Read};

fn buku() -> (DataInstansi, Vec<u8>) {
    let d = contoh();
    let b = templat(&d, &mumbulsari(), tahun(2020)).unwrap();
    (d, b)
}

fn sel(range: &calamine::Range<Data>, teks_baris: &str, judul: &str) -> Data {
    let kepala = 3u32;
    let kolom = (0..range.width() as u32)
        .find(|&c| range.get_value((kepala, c)) == Some(&Data::String(judul.into())))
        .unwrap_or_else(|| panic!("no column {judul}"));
    let baris = (kepala..=range.end().unwrap().0)
        .find(|&r| range.get_value((r, 0)) == Some(&Data::String(teks_baris.into())))
        .unwrap_or_else(|| panic!("no row {teks_baris}"));
    range
        .get_value((baris, kolom))
        .cloned()
        .unwrap_or(Data::Empty)
}

#[test]
fn the_template_reads_back_with_calamine() {
    let (_, b) = buku();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(&b)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Petunjuk",
            "Renstra",
            "PK",
            "Realisasi",
            "Anggaran",
            "Responden SKM"
        ]
    );
    let p = wb.worksheet_range("Petunjuk").unwrap();
    assert_eq!(
        p.get_value((2, 1)),
        Some(&Data::String("mumbulsari".into()))
    );
    assert_eq!(p.get_value((3, 1)), Some(&Data::Float(2020.0)));

    let r = wb.worksheet_range("Realisasi").unwrap();
    // Tabel 3.1 of the seed: realisasi 2020 as written; a plain percentage stays text with its
    // unit, so that it reads back as the same value.
    assert_eq!(
        sel(&r, "I-S1-1", "Tahunan"),
        Data::String("B (70,89 %)".into())
    );
    assert_eq!(sel(&r, "I-S2-1", "Tahunan"), Data::String("86,90 %".into()));
    assert_eq!(sel(&r, "I-S2-1", "Triwulan I"), Data::Empty);

    let a = wb.worksheet_range("Anggaran").unwrap();
    assert_eq!(
        sel(&a, "pos-SK-1", "Kode"),
        Data::String("7.01.01.2.01.0001".into())
    );
    assert_eq!(
        sel(&a, "pos-SK-1", "Sub Kegiatan"),
        Data::String("Penyediaan Jasa Surat Menyurat".into())
    );
    assert_eq!(sel(&a, "pos-SK-1", "Pagu"), Data::Float(10_000_000.0));
    assert_eq!(
        sel(&a, "pos-SK-1", "Pagu Perubahan"),
        Data::Float(12_500_000.5)
    );
    assert_eq!(sel(&a, "pos-SK-1", "Januari"), Data::Float(1_000_000.0));
    assert_eq!(sel(&a, "pos-SK-1", "Februari"), Data::Empty);
    assert_eq!(sel(&a, "pos-SK-1", "Maret"), Data::Float(2_000_000.25));
    // The sum is a formula whose cached result readers see: 1.000.000 + 2.000.000,25.
    assert_eq!(
        sel(&a, "pos-SK-1", "Jumlah Realisasi"),
        Data::Float(3_000_000.25)
    );
    // The seed's Belanja Tidak Langsung line: 1.274.830.966,58, realisasi for the year only.
    let btl = kinerja_berkas::baca(&contoh_path()).unwrap().anggaran[0].clone();
    assert_eq!(
        sel(&a, btl.id.as_str(), "Pagu"),
        Data::Float(1_274_830_966.58)
    );
    assert_eq!(
        sel(&a, btl.id.as_str(), "Realisasi Setahun"),
        Data::Float(889_672_130.0)
    );
    assert_eq!(
        sel(&a, btl.id.as_str(), "Jenis Belanja"),
        Data::String("Belanja Tidak Langsung".into())
    );

    // Every data sheet is protected; choices are lists; money has a display format.
    let mut z = zip::ZipArchive::new(Cursor::new(&b)).unwrap();
    for i in 1..=5 {
        let mut x = String::new();
        z.by_name(&format!("xl/worksheets/sheet{i}.xml"))
            .unwrap()
            .read_to_string(&mut x)
            .unwrap();
        assert!(x.contains("<sheetProtection"), "sheet {i}");
        if i == 2 {
            assert!(x.contains("\"positif,negatif,rentang\""), "polaritas list");
        }
        if i == 5 {
            assert!(x.contains("Belanja Barang dan Jasa"), "jenis belanja list");
        }
    }
    let mut gaya = String::new();
    z.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut gaya)
        .unwrap();
    assert!(gaya.contains("formatCode=\"#,##0.00\""), "{gaya}");
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let (d, b) = buku();
    assert_eq!(templat(&d, &mumbulsari(), tahun(2020)).unwrap(), b);
}

#[test]
fn a_template_imported_back_unchanged_is_no_change() {
    let (d, b) = buku();
    let h = ubah(&b, &d).unwrap();
    assert_eq!(h.data, d);
    assert!(h.peringatan.is_empty(), "{:?}", h.peringatan);
    // Saved again by another program (values only, no formats, no protection): still no change.
    let lagi = tulis(&grid(&b));
    assert_eq!(ubah(&lagi, &d).unwrap().data, d);
}

#[test]
fn one_changed_cell_changes_one_value() {
    let (d, b) = buku();
    let mut g = grid(&b);
    let l = lembar(&mut g, "Realisasi");
    let (r, _) = l.cari("I-S2-1");
    let c = l.kolom("Tahunan");
    l.atur(r, c, Isi::Angka(88.5));
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    let beda: Vec<(usize, &Realisasi)> = d
        .realisasi
        .iter()
        .enumerate()
        .filter(|(i, x)| baru.realisasi[*i] != **x)
        .collect();
    assert_eq!(beda.len(), 1, "{beda:?}");
    let (i, lama) = beda[0];
    assert_eq!(lama.nilai.teks(), "86,90 %");
    assert_eq!(baru.realisasi[i].nilai.teks(), "88,5");
    // Its source and note stay: only the value changed.
    assert_eq!(baru.realisasi[i].catatan, lama.catatan);
    let mut tanpa = baru.clone();
    tanpa.realisasi[i] = lama.clone();
    assert_eq!(tanpa, d);
}

#[test]
fn indonesian_text_formulas_merged_cells_dates_and_empty_rows_are_read() {
    let (d, b) = buku();
    let mut g = grid(&b);
    let a = lembar(&mut g, "Anggaran");
    let (r, _) = a.cari("pos-SK-1");
    let c_pp = a.kolom("Pagu Perubahan");
    let c_feb = a.kolom("Februari");
    let c_des = a.kolom("Desember");
    a.atur(r, c_pp, Isi::Teks("Rp 13.000.000,75".into()));
    // A formula: its cached result is the value.
    a.atur(r, c_feb, Isi::Rumus("=250000*2".into(), "500000".into()));
    // Text the Indonesian way, thousands and decimal comma.
    a.atur(r, c_des, Isi::Teks("1.234.567,89".into()));
    // Empty rows at the end: blank text and spaces.
    let akhir = a.sel.keys().map(|k| k.0).max().unwrap();
    for k in 1..=3 {
        a.atur(akhir + k, 0, Isi::Teks(" ".into()));
    }

    let rs = lembar(&mut g, "Renstra");
    let (r1, _) = rs.cari("I-S2-1");
    let (r2, _) = rs.cari("I-S2-2");
    let c_sat = rs.kolom("Satuan");
    rs.atur(r1, c_sat, Isi::Teks("persen".into()));
    rs.sel.remove(&(r2, c_sat));
    rs.gabung.push((r1, c_sat, r2, c_sat));

    let pk = lembar(&mut g, "PK");
    // 43875 days after 1899-12-30: 14 February 2020.
    pk.atur(1, 1, Isi::Tanggal(43875.0));

    let re = lembar(&mut g, "Realisasi");
    re.atur(3, 9, Isi::Teks("Keterangan Operator".into()));
    re.atur(4, 9, Isi::Teks("dicek".into()));

    let h = ubah(&tulis(&g), &d).unwrap();
    let pos = h
        .data
        .anggaran
        .iter()
        .find(|p| p.id.as_str() == "pos-SK-1")
        .unwrap();
    assert_eq!(pos.pagu_perubahan, Some(rp("13000000.75")));
    assert_eq!(
        pos.realisasi_bulanan.get(&Bulan::Februari),
        Some(&rp("500000"))
    );
    assert_eq!(
        pos.realisasi_bulanan.get(&Bulan::Desember),
        Some(&rp("1234567.89"))
    );
    // 1.000.000 + 500.000 + 2.000.000,25 + 1.234.567,89 = 4.734.568,14.
    assert_eq!(pos.realisasi_tahun(), Some(rp("4734568.14")));
    // The merged area's value is every merged cell's.
    for id in ["I-S2-1", "I-S2-2"] {
        let i = h
            .data
            .indikator
            .iter()
            .find(|i| i.id.as_str() == id)
            .unwrap();
        assert_eq!(i.satuan.as_deref(), Some("persen"), "{id}");
    }
    let t = h.data.perjanjian_kinerja[0].tanggal.unwrap();
    assert_eq!(t.to_string(), "14 Februari 2020");
    // The unknown column is a warning that names it.
    assert_eq!(h.peringatan.len(), 1, "{:?}", h.peringatan);
    let w = h.peringatan[0].to_string();
    assert!(
        w.starts_with("Realisasi!J4 (kolom \"Keterangan Operator\")"),
        "{w}"
    );
    // Serapan of the line against its new pagu in force: 4.734.568,14 / 13.000.000,75.
    let r = kinerja_core::anggaran::ringkas(&h.data, tahun(2020));
    let s = &r.program[0].kegiatan[0].sub_kegiatan[0].serapan;
    assert_eq!(s.triwulan(Periode::Tw1), Some(rp("3500000.25")));
}

/// (sheet, row id, column, bad content, what the message must say).
fn rusak() -> Vec<(&'static str, &'static str, &'static str, Isi, &'static str)> {
    vec![
        (
            "Realisasi",
            "I-S2-1",
            "Tahunan",
            Isi::Teks("8O,5".into()),
            "diharapkan angka",
        ),
        (
            "Realisasi",
            "I-S2-1",
            "Id Indikator",
            Isi::Teks("I-XX".into()),
            "tidak ada dalam data",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Pagu",
            Isi::Teks("Rp 12.5x".into()),
            "diharapkan jumlah rupiah",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Pagu",
            Isi::Teks("".into()),
            "pagu wajib diisi",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Januari",
            Isi::Tanggal(43875.0),
            "sel berformat tanggal",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Realisasi Setahun",
            Isi::Angka(5.0),
            "isi salah satu",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Jenis Belanja",
            Isi::Teks("Belanja Lain".into()),
            "Belanja Barang dan Jasa",
        ),
        (
            "Anggaran",
            "pos-SK-1",
            "Pagu Perubahan",
            Isi::Angka(10.125),
            "lebih dari dua angka desimal",
        ),
        (
            "Renstra",
            "I-S1-1",
            "Polaritas",
            Isi::Teks("naik".into()),
            "positif, negatif, rentang",
        ),
        (
            "Renstra",
            "I-S1-1",
            "Target 2021",
            Isi::Teks("80 - 70".into()),
            "rentang",
        ),
        (
            "PK",
            "I-S1-1",
            "Target PK",
            Isi::Rumus("=1/0".into(), "#DIV/0!".into()),
            "galat rumus",
        ),
    ]
}

/// The workbook with one cell replaced, and the reference of that cell (`Realisasi!I6`).
fn dengan(b: &[u8], lembar_: &str, id: &str, judul: &str, isi: Isi) -> (Vec<u8>, String) {
    let mut g = grid(b);
    let l = lembar(&mut g, lembar_);
    let (r, _) = l.cari(id);
    let c = l.kolom(judul);
    l.atur(r, c, isi);
    let huruf = (b'A' + c as u8) as char;
    (tulis(&g), format!("{lembar_}!{huruf}{}", r + 1))
}

#[test]
fn a_bad_cell_is_named_with_its_header_value_and_expectation() {
    let (d, b) = buku();
    for (l, id, judul, isi, harap) in rusak() {
        let (bad, rujukan) = dengan(&b, l, id, judul, isi.clone());
        let m = ubah(&bad, &d).expect_err(&format!("{rujukan} {isi:?} accepted"));
        assert_eq!(m.len(), 1, "{rujukan}: {m:?}");
        let s = m[0].to_string();
        assert!(
            s.starts_with(&format!("{rujukan} (kolom \"{judul}\")")),
            "{s}"
        );
        assert!(s.contains(harap), "{s}");
        if let Isi::Teks(t) = &isi
            && !t.is_empty()
        {
            assert!(s.contains(&format!("berisi \"{t}\"")), "{s}");
        }
    }
}

#[test]
fn every_problem_is_listed_not_the_first() {
    let (d, b) = buku();
    let mut g = grid(&b);
    for (l, id, judul, isi, _) in rusak().into_iter().filter(|x| x.2 != "Id Indikator") {
        let l = lembar(&mut g, l);
        let (r, _) = l.cari(id);
        let c = l.kolom(judul);
        l.atur(r, c, isi);
    }
    let m = ubah(&tulis(&g), &d).unwrap_err();
    // Every cell the reader refuses, in one list: 11 corruptions less the spending type and the
    // polaritas (words only the data set can judge, checked once the workbook reads), and the
    // empty Pagu written over the bad one in the same cell.
    assert_eq!(m.len(), 7, "{m:?}");
    for sel in [
        // Target 2021: column M since the Kondisi Awal column (G) came before the targets.
        "Renstra!M",
        "PK!D",
        "Realisasi!I",
        "Anggaran!I",
        "Anggaran!U",
        "Anggaran!G",
        "Anggaran!H",
    ] {
        assert!(
            m.iter().any(|x| x.to_string().starts_with(sel)),
            "{sel}: {m:?}"
        );
    }
}

#[test]
fn what_is_not_a_workbook_is_refused_not_a_panic() {
    for isi in [
        &b""[..],
        b"PK\x03\x04 not a zip",
        b"[[instansi]]\nid = \"x\"\n",
    ] {
        let m = baca(isi).unwrap_err();
        assert_eq!(m.len(), 1);
        assert!(m[0].to_string().contains("XLSX"), "{}", m[0]);
    }
}
