//! The `Data Elemen` sheet: written when the data defines data elements, an unchanged workbook
//! is no change, a typed count becomes the element's value (and the formula indicator's
//! realisasi follows), a bad cell or an unknown element is named by its cell.

mod bersama;

use bersama::*;
use kinerja_core::ekspresi::StrategiKosong;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::pengukuran::{Indeks, ukur};
use kinerja_core::waktu::Periode;
use kinerja_excel::{templat, ubah};
use rust_decimal::Decimal;

/// The example with I-S2-2 computed as desa_tepat_waktu / jumlah_desa x 100, and jumlah_desa
/// 2020 entered as 7.
fn data() -> DataInstansi {
    let mut d = contoh();
    for e in ["desa_tepat_waktu", "jumlah_desa"] {
        d.data_elemen.push(DataElemen {
            id: DataElemenId::new(e).unwrap(),
            uraian: e.replace('_', " "),
            satuan: Some("desa".into()),
            catatan: None,
        });
    }
    d.nilai_data.push(NilaiData {
        elemen: DataElemenId::new("jumlah_desa").unwrap(),
        instansi: mumbulsari(),
        tahun: tahun(2020),
        periode: Periode::Tahunan,
        nilai: Decimal::from(7),
        sumber: None,
        catatan: None,
    });
    let ind = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "I-S2-2")
        .unwrap();
    ind.rumus = Some(Rumus {
        pembilang: EkspresiData::parse("#{desa_tepat_waktu}").unwrap(),
        penyebut: Some(EkspresiData::parse("#{jumlah_desa}").unwrap()),
        pengali: Some(Decimal::ONE_HUNDRED),
        kosong: StrategiKosong::default(),
    });
    assert_eq!(kinerja_core::validasi::periksa(&d), vec![]);
    d
}

#[test]
fn the_sheet_is_there_only_with_data_elements() {
    let tanpa = grid(&templat(&contoh(), &mumbulsari(), tahun(2020)).unwrap());
    assert!(tanpa.iter().all(|l| l.nama != "Data Elemen"));
    let g = grid(&templat(&data(), &mumbulsari(), tahun(2020)).unwrap());
    let l = g.iter().find(|l| l.nama == "Data Elemen").unwrap();
    let (r, _) = l.cari("jumlah_desa");
    assert_eq!(l.sel.get(&(r, l.kolom("Tahunan"))), Some(&Isi::Angka(7.0)));
}

#[test]
fn an_unchanged_workbook_is_no_change_and_a_typed_count_is_the_elements_value() {
    let d = data();
    let b = templat(&d, &mumbulsari(), tahun(2020)).unwrap();
    assert_eq!(ubah(&b, &d).unwrap().data, d);

    // 6 of the 7 desa typed as Indonesian text: realisasi 6 x 100 / 7 = 85,71.
    let mut g = grid(&b);
    let l = lembar(&mut g, "Data Elemen");
    let (r, _) = l.cari("desa_tepat_waktu");
    let c = l.kolom("Tahunan");
    l.atur(r, c, Isi::Teks("6".into()));
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    assert_eq!(baru.nilai_data.len(), 2);
    let ix = Indeks::new(&baru);
    let b = ukur(&ix, tahun(2020))
        .baris
        .into_iter()
        .find(|b| b.indikator.as_str() == "I-S2-2")
        .unwrap();
    assert_eq!(b.realisasi.unwrap().nilai.teks(), "85,71");

    // Emptying the count removes it.
    let l = lembar(&mut g, "Data Elemen");
    let (r, _) = l.cari("jumlah_desa");
    l.sel.remove(&(r, c));
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    assert!(
        baru.nilai_data
            .iter()
            .all(|x| x.elemen.as_str() != "jumlah_desa")
    );
}

#[test]
fn a_label_or_an_unknown_element_is_named_by_its_cell() {
    let d = data();
    let mut g = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());
    let l = lembar(&mut g, "Data Elemen");
    let (r, _) = l.cari("desa_tepat_waktu");
    let c = l.kolom("Triwulan I");
    l.atur(r, c, Isi::Teks("B (80 %)".into()));
    let m = ubah(&tulis(&g), &d).unwrap_err();
    let teks: Vec<String> = m.iter().map(|x| x.to_string()).collect();
    assert!(
        teks.iter().any(|t| t.starts_with("Data Elemen!D")
            && t.contains("Triwulan I")
            && t.contains("tanpa label")),
        "{teks:?}"
    );
    // Reading passes; putting the row onto the data names it.
    let mut g = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());
    let l = lembar(&mut g, "Data Elemen");
    let (r, _) = l.cari("jumlah_desa");
    l.atur(r + 1, 0, Isi::Teks("desa_fiktif".into()));
    let m = ubah(&tulis(&g), &d).unwrap_err();
    let teks: Vec<String> = m.iter().map(|x| x.to_string()).collect();
    assert!(
        teks.iter()
            .any(|t| t.contains("desa_fiktif") && t.contains("tidak ada dalam data instansi")),
        "{teks:?}"
    );
}

#[test]
fn the_kondisi_awal_is_entered_on_the_renstra_sheet() {
    // Typed "60 %" for I-S2-2: its baseline; the workbook imported back unchanged is no change.
    let d = contoh();
    let mut g = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());
    let l = lembar(&mut g, "Renstra");
    let (r, _) = l.cari("I-S2-2");
    let c = l.kolom("Kondisi Awal");
    l.atur(r, c, Isi::Teks("60 %".into()));
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    let ind = baru
        .indikator
        .iter()
        .find(|i| i.id.as_str() == "I-S2-2")
        .unwrap();
    assert_eq!(ind.kondisi_awal.as_ref().map(|n| n.teks()), Some("60 %"));
    let b = templat(&baru, &mumbulsari(), tahun(2020)).unwrap();
    assert_eq!(ubah(&b, &baru).unwrap().data, baru);
    // A kondisi awal that is not a value is named at its cell.
    let mut g = grid(&b);
    let l = lembar(&mut g, "Renstra");
    l.atur(r, c, Isi::Teks("80 - 70".into()));
    let m = ubah(&tulis(&g), &baru).unwrap_err();
    assert!(
        m.iter()
            .any(|x| x.lembar == "Renstra" && x.kolom.as_deref() == Some("Kondisi Awal")),
        "{m:?}"
    );
}
