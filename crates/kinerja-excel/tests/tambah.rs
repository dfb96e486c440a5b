//! Rows a user adds to the workbook (the id column left empty): a new indicator on `Renstra`, a
//! new budget line (and sub kegiatan) on `Anggaran`; importing the same file twice adds once;
//! a new row that cannot be placed is named by its cell and changes nothing.

mod bersama;

use bersama::*;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::waktu::Bulan;
use kinerja_excel::{templat, ubah};

/// The shared example with kegiatan K-ADM-1 coded 7.01.01.2.01 (its sub kegiatan SK-1 is
/// 7.01.01.2.01.0001), and its 2020 template as a grid.
fn awal() -> (DataInstansi, Vec<Lembar>) {
    let mut d = contoh();
    d.kegiatan
        .iter_mut()
        .find(|k| k.id.as_str() == "K-ADM-1")
        .unwrap()
        .kode = Some("7.01.01.2.01".into());
    let b = templat(&d, &mumbulsari(), tahun(2020)).unwrap();
    (d, grid(&b))
}

/// The row under the sheet's last filled row.
fn baris_kosong(l: &Lembar) -> u32 {
    l.sel.keys().map(|(r, _)| *r).max().unwrap() + 1
}

fn teks(s: &str) -> Isi {
    Isi::Teks(s.into())
}

fn isi_indikator(g: &mut [Lembar], pemilik: &str) -> u32 {
    let l = lembar(g, "Renstra");
    let r = baris_kosong(l);
    for (judul, isi) in [
        ("Id Pemilik", teks(pemilik)),
        (
            "Indikator",
            teks("Persentase desa yang menyusun APBDes tepat waktu"),
        ),
        ("Satuan", teks("%")),
        ("Polaritas", teks("positif")),
        ("Target 2020", teks("85 %")),
    ] {
        let c = l.kolom(judul);
        l.atur(r, c, isi);
    }
    r
}

#[test]
fn a_new_indicator_row_adds_one_indicator_with_its_target_and_twice_is_once() {
    let (d, mut g) = awal();
    isi_indikator(&mut g, "S-2");
    let b = tulis(&g);
    let baru = ubah(&b, &d).unwrap().data;
    // One indicator and its one Renstra target more; nothing else changed.
    assert_eq!(baru.indikator.len(), d.indikator.len() + 1);
    assert_eq!(baru.target.len(), d.target.len() + 1);
    let ind = baru.indikator.last().unwrap();
    assert_eq!(
        ind.pemilik,
        Pemilik::Sasaran(SasaranId::new("S-2").unwrap())
    );
    assert_eq!(
        ind.uraian,
        "Persentase desa yang menyusun APBDes tepat waktu"
    );
    assert_eq!(ind.satuan.as_deref(), Some("%"));
    assert_eq!(ind.polaritas, Polaritas::Positif);
    // S-2 has I-S2-1 and I-S2-2 (numbers 1 and 2): the new one is number 3, id as the web's
    // plan editor makes it (`I-{owner}-{first free n}`).
    assert_eq!(ind.nomor, 3);
    assert_eq!(ind.id.as_str(), "I-S-2-1");
    let t = baru.target.last().unwrap();
    assert_eq!(
        (
            t.indikator.as_str(),
            t.tahun.get(),
            t.dokumen,
            t.nilai.teks()
        ),
        ("I-S-2-1", 2020, DokumenTarget::Renstra, "85 %")
    );
    let mut tanpa = baru.clone();
    tanpa.indikator.pop();
    tanpa.target.pop();
    assert_eq!(tanpa, d);
    // The same filled workbook again: the row is the indicator now (same owner and
    // description, case and spacing aside), nothing is added.
    assert_eq!(ubah(&b, &baru).unwrap().data, baru);
}

#[test]
fn a_new_budget_line_with_a_new_sub_kegiatan_code_makes_both_and_twice_is_once() {
    let (d, mut g) = awal();
    let l = lembar(&mut g, "Anggaran");
    let r = baris_kosong(l);
    for (judul, isi) in [
        // Written the way some budget systems export it: the fourth segment with two digits,
        // the last with two: normalised to 7.01.01.2.01.0002.
        ("Kode", teks("7.01.01.02.01.02")),
        (
            "Sub Kegiatan",
            teks("Penyediaan Komponen Instalasi Listrik"),
        ),
        ("Jenis Belanja", teks("Belanja Barang dan Jasa")),
        ("Pagu", teks("Rp 5.000.000")),
        ("Januari", teks("1.250.000,50")),
        ("Februari", Isi::Angka(750000.0)),
    ] {
        let c = l.kolom(judul);
        l.atur(r, c, isi);
    }
    let b = tulis(&g);
    let baru = ubah(&b, &d).unwrap().data;
    assert_eq!(baru.sub_kegiatan.len(), d.sub_kegiatan.len() + 1);
    assert_eq!(baru.anggaran.len(), d.anggaran.len() + 1);
    let s = baru.sub_kegiatan.last().unwrap();
    assert_eq!(s.kegiatan.as_str(), "K-ADM-1");
    assert_eq!(s.kode.as_deref(), Some("7.01.01.2.01.0002"));
    assert_eq!(s.nama, "Penyediaan Komponen Instalasi Listrik");
    let p = baru.anggaran.last().unwrap();
    assert_eq!(p.tempat, TempatAnggaran::SubKegiatan(s.id.clone()));
    assert_eq!(p.tahun.get(), 2020);
    assert_eq!(p.jenis, JenisBelanja::LangsungBarangJasa);
    assert_eq!(p.pagu, rp("5000000"));
    assert_eq!(
        p.realisasi_bulanan,
        [
            (Bulan::Januari, rp("1250000.50")),
            (Bulan::Februari, rp("750000"))
        ]
        .into()
    );
    // 1.250.000,50 + 750.000 = 2.000.000,50.
    assert_eq!(p.realisasi_tahun(), Some(rp("2000000.50")));
    let mut tanpa = baru.clone();
    tanpa.sub_kegiatan.pop();
    tanpa.anggaran.pop();
    assert_eq!(tanpa, d);
    assert_eq!(ubah(&b, &baru).unwrap().data, baru);
}

#[test]
fn a_new_line_on_a_known_sub_kegiatan_or_kegiatan_code_needs_no_name() {
    let (d, mut g) = awal();
    let l = lembar(&mut g, "Anggaran");
    let r = baris_kosong(l);
    // K-ADM-1 itself (a kegiatan code) with a jenis belanja SK-1's line does not have.
    for (judul, isi) in [
        ("Kode", teks("7.01.01.2.01")),
        ("Jenis Belanja", teks("belanja modal")),
        ("Pagu", Isi::Angka(2_000_000.0)),
    ] {
        let c = l.kolom(judul);
        l.atur(r, c, isi);
    }
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    let p = baru.anggaran.last().unwrap();
    assert_eq!(
        p.tempat,
        TempatAnggaran::Kegiatan(KegiatanId::new("K-ADM-1").unwrap())
    );
    assert_eq!(p.jenis, JenisBelanja::LangsungModal);
    assert_eq!(p.realisasi_tahun(), None);
    assert_eq!(baru.sub_kegiatan, d.sub_kegiatan);
}

/// The problems of importing `g` onto `d`, as `Sheet!Cell: message`; the data is unchanged.
fn masalah(g: &[Lembar], d: &DataInstansi) -> Vec<String> {
    match ubah(&tulis(g), d) {
        Ok(h) => panic!("accepted: {} indicators", h.data.indikator.len()),
        Err(m) => m
            .iter()
            .map(|m| {
                format!(
                    "{}!{}: {}",
                    m.lembar,
                    m.sel.clone().unwrap_or_default(),
                    m.pesan
                )
            })
            .collect(),
    }
}

#[test]
fn a_new_row_that_cannot_be_placed_is_named_by_its_cell() {
    let (d, g0) = awal();

    // An owner nobody has: named at its Id Pemilik cell (column A, 1-based row).
    let mut g = g0.clone();
    let r = isi_indikator(&mut g, "S-9");
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with(&format!("Renstra!A{}: ", r + 1)), "{m:?}");
    assert!(m[0].contains("\"S-9\""), "{m:?}");

    // No owner and no polarity: both named, each at its cell.
    let mut g = g0.clone();
    let r = isi_indikator(&mut g, "S-2");
    let l = lembar(&mut g, "Renstra");
    l.sel.remove(&(r, l.kolom("Id Pemilik")));
    l.sel.remove(&(r, l.kolom("Polaritas")));
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m[0].starts_with(&format!("Renstra!A{}: baris baru: isi Id Pemilik", r + 1)));
    assert!(m[1].contains("polaritas wajib diisi"), "{m:?}");

    // A sub kegiatan code under no known kegiatan, and one without its name.
    let mut g = g0.clone();
    let l = lembar(&mut g, "Anggaran");
    let r = baris_kosong(l);
    for (r, kode) in [(r, "7.01.01.2.09.0001"), (r + 1, "7.01.01.2.01.0003")] {
        for (judul, isi) in [
            ("Kode", teks(kode)),
            ("Jenis Belanja", teks("Belanja Barang dan Jasa")),
            ("Pagu", Isi::Angka(1.0)),
        ] {
            let c = l.kolom(judul);
            l.atur(r, c, isi);
        }
    }
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(
        m[0].starts_with(&format!("Anggaran!B{}: ", r + 1))
            && m[0].contains("tidak ada kegiatan dengan kode 7.01.01.2.09"),
        "{m:?}"
    );
    assert!(m[1].contains("nama Sub Kegiatan"), "{m:?}");

    // A new row for SK-1's own line (same code and jenis) while the sheet lists that line.
    let mut g = g0.clone();
    let l = lembar(&mut g, "Anggaran");
    let r = baris_kosong(l);
    for (judul, isi) in [
        ("Kode", teks("7.01.01.2.01.0001")),
        ("Jenis Belanja", teks("Belanja Barang dan Jasa")),
        ("Pagu", Isi::Angka(1.0)),
    ] {
        let c = l.kolom(judul);
        l.atur(r, c, isi);
    }
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("sama-sama mengisi \"pos-SK-1\""), "{m:?}");

    // Sheets that only fill in values of records still take no new rows.
    let mut g = g0.clone();
    let l = lembar(&mut g, "Realisasi");
    let r = baris_kosong(l);
    let c = l.kolom("Tahunan");
    l.atur(r, c, Isi::Angka(1.0));
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].contains("baris baru tidak dapat ditambahkan di lembar ini"),
        "{m:?}"
    );
}
