//! Formula indicators and the baseline, measured on the Mumbulsari fixture (`uji`): DESA
//! ("desa yang menyusun dokumen perencanaan tepat waktu", target 2020 100 %, Renstra 2021 80)
//! made a formula over two data elements.

use crate::capaian::{AlasanTidakTersedia, Capaian};
use crate::ekspresi::StrategiKosong;
use crate::id::*;
use crate::model::*;
use crate::pengukuran::{self, AsalRealisasi, Indeks, kemajuan_awal, ukur};
use crate::uji::{mumbulsari, n, tahun};
use crate::waktu::Periode;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn elemen(id: &str) -> DataElemen {
    DataElemen {
        id: DataElemenId::new(id).unwrap(),
        uraian: id.replace('_', " "),
        satuan: Some("desa".into()),
        catatan: None,
    }
}

pub fn nilai(el: &str, t: i64, periode: Periode, v: Decimal) -> NilaiData {
    NilaiData {
        elemen: DataElemenId::new(el).unwrap(),
        instansi: InstansiId::new("mumbulsari").unwrap(),
        tahun: tahun(t),
        periode,
        nilai: v,
        sumber: None,
        catatan: None,
    }
}

pub fn rumus_desa() -> Rumus {
    Rumus {
        pembilang: EkspresiData::parse("#{desa_tepat_waktu}").unwrap(),
        penyebut: Some(EkspresiData::parse("#{jumlah_desa}").unwrap()),
        pengali: Some(dec!(100)),
        kosong: StrategiKosong::default(),
    }
}

/// The fixture with DESA a formula indicator and no element values yet.
pub fn dengan_rumus() -> DataInstansi {
    let mut d = mumbulsari();
    d.data_elemen = vec![elemen("desa_tepat_waktu"), elemen("jumlah_desa")];
    let desa = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "DESA")
        .unwrap();
    desa.rumus = Some(rumus_desa());
    d
}

fn baris_desa(d: &DataInstansi) -> pengukuran::BarisPengukuran {
    let ix = Indeks::new(d);
    ukur(&ix, tahun(2020))
        .baris
        .into_iter()
        .find(|b| b.indikator.as_str() == "DESA")
        .unwrap()
}

#[test]
fn a_formula_indicators_realisasi_is_computed_and_the_typed_one_is_only_stated() {
    let mut d = dengan_rumus();
    assert!(crate::validasi::periksa(&d).is_empty());
    // 7 of the 10 desa: 7 x 100 / 10 = 70,00 %; against the 2020 target of 100 %: capaian 70 %.
    // The typed realisasi (90 %) stays in the data as a stated figure and is not used.
    d.nilai_data = vec![
        nilai("desa_tepat_waktu", 2020, Periode::Tahunan, dec!(7)),
        nilai("jumlah_desa", 2020, Periode::Tahunan, dec!(10)),
    ];
    assert!(crate::validasi::periksa(&d).is_empty());
    let b = baris_desa(&d);
    let r = b.realisasi.unwrap();
    assert_eq!(r.nilai.teks(), "70,00");
    assert!(matches!(r.asal, AsalRealisasi::Rumus { hasil } if hasil.pembilang == dec!(7)));
    assert_eq!(b.capaian.persen(), Some(dec!(70)));
    let ix = Indeks::new(&d);
    let desa = ix.indikator(&IndikatorId::new("DESA").unwrap()).unwrap();
    assert_eq!(
        ix.realisasi_tertulis(&desa.id, tahun(2020))
            .unwrap()
            .nilai
            .teks(),
        "90 %"
    );
}

#[test]
fn a_missing_element_or_a_zero_denominator_is_not_available_with_the_reason() {
    let mut d = dengan_rumus();
    d.nilai_data = vec![nilai("jumlah_desa", 2020, Periode::Tahunan, dec!(10))];
    let b = baris_desa(&d);
    assert_eq!(b.realisasi, None);
    assert_eq!(
        b.capaian,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::DataKosong
        }
    );
    d.nilai_data = vec![
        nilai("desa_tepat_waktu", 2020, Periode::Tahunan, dec!(0)),
        nilai("jumlah_desa", 2020, Periode::Tahunan, dec!(0)),
    ];
    assert_eq!(
        baris_desa(&d).capaian,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::PenyebutNol
        }
    );
}

#[test]
fn quarters_make_the_year_element_by_element() {
    // TW1 1 of 2 desa (50 %), TW2 9 of 10 (90 %). Summed quarters: (1 + 9) / (2 + 10) x 100 =
    // 83,33 %, not the mean of the two ratios (70 %); the last quarter: 9 / 10 = 90 %; the
    // highest: 9 / 10 = 90 %.
    let mut d = dengan_rumus();
    d.nilai_data = vec![
        nilai("desa_tepat_waktu", 2020, Periode::Tw1, dec!(1)),
        nilai("jumlah_desa", 2020, Periode::Tw1, dec!(2)),
        nilai("desa_tepat_waktu", 2020, Periode::Tw2, dec!(9)),
        nilai("jumlah_desa", 2020, Periode::Tw2, dec!(10)),
    ];
    let cara = |d: &mut DataInstansi, c: CaraTahunan| {
        d.indikator
            .iter_mut()
            .find(|i| i.id.as_str() == "DESA")
            .unwrap()
            .cara_tahunan = c;
    };
    cara(&mut d, CaraTahunan::Jumlah);
    assert_eq!(baris_desa(&d).realisasi.unwrap().nilai.teks(), "83,33");
    cara(&mut d, CaraTahunan::Terakhir);
    assert_eq!(baris_desa(&d).realisasi.unwrap().nilai.teks(), "90,00");
    cara(&mut d, CaraTahunan::Maksimum);
    assert_eq!(baris_desa(&d).realisasi.unwrap().nilai.teks(), "90,00");
    // An annual value entered wins over the quarters: 8 of 10.
    d.nilai_data
        .push(nilai("desa_tepat_waktu", 2020, Periode::Tahunan, dec!(8)));
    d.nilai_data
        .push(nilai("jumlah_desa", 2020, Periode::Tahunan, dec!(10)));
    assert_eq!(baris_desa(&d).realisasi.unwrap().nilai.teks(), "80,00");
}

#[test]
fn an_unknown_element_and_a_bad_formula_are_refused_where_they_are() {
    let mut d = dengan_rumus();
    let desa = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "DESA")
        .unwrap();
    desa.rumus.as_mut().unwrap().penyebut = Some(EkspresiData::parse("#{jumlah_dessa}").unwrap());
    d.nilai_data = vec![nilai("tidak_ada", 2020, Periode::Tahunan, dec!(1))];
    let p: Vec<String> = crate::validasi::periksa(&d)
        .iter()
        .map(|x| x.to_string())
        .collect();
    assert!(
        p.iter().any(|m| m.contains("DESA")
            && m.contains("rumus.penyebut")
            && m.contains("\"jumlah_dessa\" yang tidak ada")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("nilai_data") && m.contains("\"tidak_ada\"")),
        "{p:?}"
    );
    // Syntax: the position is named.
    let e = serde_json::from_str::<Rumus>(r##"{"pembilang": "#{a} / "}"##).unwrap_err();
    assert!(e.to_string().contains("posisi 8"), "{e}");
    // The file form is the text as written, and reads back equal.
    let r = rumus_desa();
    let j = serde_json::to_string(&r).unwrap();
    assert_eq!(
        j,
        r##"{"pembilang":"#{desa_tepat_waktu}","penyebut":"#{jumlah_desa}","pengali":"100"}"##
    );
    assert_eq!(serde_json::from_str::<Rumus>(&j).unwrap(), r);
}

#[test]
fn progress_from_the_baseline_toward_the_end_target() {
    // Positive: kondisi awal 60, target akhir 80, realisasi 70: (70 - 60) / (80 - 60) = 50 %.
    let k = kemajuan_awal(Some(&n("60")), Some(&n("80")), Some(&n("70")));
    assert_eq!(k.persen(), Some(dec!(50)));
    // Negative polarity (a poverty rate to bring down): 20 to 10, now 16:
    // (16 - 20) / (10 - 20) = -4 / -10 = 40 %.
    let k = kemajuan_awal(Some(&n("20")), Some(&n("10")), Some(&n("16")));
    assert_eq!(k.persen(), Some(dec!(40)));
    // Moved away from the target: 22 is (22 - 20) / (10 - 20) = -20 %, not clipped.
    let k = kemajuan_awal(Some(&n("20")), Some(&n("10")), Some(&n("22")));
    assert_eq!(k.persen(), Some(dec!(-20)));
    // A third of the way: (65 - 60) / (75 - 60) = 33,33... %, exact.
    let k = kemajuan_awal(Some(&n("60")), Some(&n("75")), Some(&n("65")));
    assert_eq!(crate::angka::bulatkan(k.persen().unwrap(), 2), dec!(33.33));
    // No planned change: nothing to measure a share of; no baseline: not available either.
    let na = |a| Capaian::TidakTersedia { alasan: a };
    assert_eq!(
        kemajuan_awal(Some(&n("80")), Some(&n("80")), Some(&n("80"))),
        na(AlasanTidakTersedia::TargetAkhirSamaKondisiAwal)
    );
    assert_eq!(
        kemajuan_awal(None, Some(&n("80")), Some(&n("80"))),
        na(AlasanTidakTersedia::KondisiAwalKosong)
    );
    assert_eq!(
        kemajuan_awal(Some(&n("60")), Some(&n("80")), None),
        na(AlasanTidakTersedia::RealisasiKosong)
    );
}

#[test]
fn the_fixtures_progress_from_its_baseline() {
    // DESA: kondisi awal (2015) 60 %, end target (Renstra 2021) 80, realisasi 2020 90 %:
    // (90 - 60) / (80 - 60) = 150 %; its capaian against the end target stays 90 / 80 = 112,5 %.
    let mut d = mumbulsari();
    let desa = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "DESA")
        .unwrap();
    desa.kondisi_awal = Some(n("60 %"));
    let ix = Indeks::new(&d);
    let desa = ix.indikator(&IndikatorId::new("DESA").unwrap()).unwrap();
    let k = pengukuran::tingkat_kemajuan(&ix, desa, tahun(2020));
    assert_eq!(k.kemajuan_awal.persen(), Some(dec!(150)));
    assert_eq!(k.kemajuan.persen(), Some(dec!(112.5)));
    assert_eq!(k.kondisi_awal, Some(n("60 %")));
}
