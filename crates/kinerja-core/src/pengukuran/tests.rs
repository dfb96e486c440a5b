//! The measurement's tests (Tabel 3.1, history, progress, comparison) on the Mumbulsari fixture.

use super::*;
use crate::angka::bulatkan;
use crate::uji::*;
use rust_decimal_macros::dec;

#[test]
fn seed_table_3_1_uses_the_measurement_targets() {
    let d = mumbulsari();
    let ix = Indeks::new(&d);
    let t = ukur(&ix, tahun(2020));
    assert_eq!(t.baris.len(), 3);
    // SKM: 70,89 / 80 x 100 = 88,6125 -> 88,61 % Baik (target from Tabel 3.1, not the PK's
    // "B (100%)" nor the Renstra's 85).
    let skm = &t.baris[0];
    assert_eq!(skm.dokumen_target, Some(DokumenTarget::Pengukuran));
    assert_eq!(skm.capaian.persen(), Some(dec!(88.6125)));
    assert_eq!(skm.predikat.as_ref().unwrap().label, "Baik");
    assert_eq!(t.baris[1].capaian.persen(), Some(dec!(86.90)));
    assert_eq!(t.baris[2].capaian.persen(), Some(dec!(90)));
    // Per sasaran: S1 = 88,6125; S2 = (86,90 + 90) / 2 = 88,45. The seed's text says 80 %
    // and 85 %.
    assert_eq!(t.sasaran[0].capaian, Some(dec!(88.6125)));
    assert_eq!(t.sasaran[1].capaian, Some(dec!(88.45)));
    assert_eq!(t.sasaran[1].jumlah_terukur, 2);
    assert_eq!(t.sasaran[1].predikat.as_ref().unwrap().label, "Baik");
}

#[test]
fn a_sasaran_mean_on_a_midpoint_is_the_exact_mean() {
    // Sasaran 2 with three indicators, positive polarity: targets 3, 6, 600 and realisasi
    // 1, 5, 667,91. Capaian 100/3, 500/6 and 66791/600 %: sum 136791/600 = 227,985, mean
    // 75,995 exactly, printed 76,00 % and Baik (from 76). Cut 28-digit quotients summed to
    // 227,98499...9 and printed 75,99 % Cukup.
    let mut d = mumbulsari();
    d.target.retain(|t| t.indikator.as_str() == "SKM");
    d.realisasi.retain(|r| r.indikator.as_str() == "SKM");
    d.indikator
        .push(indikator("X3", "S2", 3, Polaritas::Positif));
    for (i, t, r) in [
        ("REKOM", "3", "1"),
        ("DESA", "6", "5"),
        ("X3", "600", "667,91"),
    ] {
        d.target.push(target(i, 2020, DokumenTarget::Pengukuran, t));
        d.realisasi.push(realisasi(i, 2020, Periode::Tahunan, r));
    }
    let ix = Indeks::new(&d);
    let t = ukur(&ix, tahun(2020));
    let s2 = &t.sasaran[1];
    assert_eq!(s2.jumlah_terukur, 3);
    assert_eq!(s2.capaian, Some(dec!(75.995)));
    assert_eq!(
        crate::angka::format_persen(s2.capaian.unwrap(), 2),
        "76,00 %"
    );
    assert_eq!(s2.predikat.as_ref().unwrap().label, "Baik");
}

#[test]
fn without_a_measurement_target_the_pk_then_the_renstra_is_used() {
    let mut d = mumbulsari();
    d.target.retain(|t| t.dokumen != DokumenTarget::Pengukuran);
    let ix = Indeks::new(&d);
    let t = ukur(&ix, tahun(2020));
    // PK "B (100%)": 70,89 / 100 = 70,89 % -> Cukup.
    assert_eq!(
        t.baris[0].dokumen_target,
        Some(DokumenTarget::PerjanjianKinerja)
    );
    assert_eq!(t.baris[0].predikat.as_ref().unwrap().label, "Cukup");
    d.target
        .retain(|t| t.dokumen != DokumenTarget::PerjanjianKinerja);
    let ix = Indeks::new(&d);
    let t = ukur(&ix, tahun(2020));
    // Renstra 85: 70,89 / 85 = 83,4000 %.
    assert_eq!(t.baris[0].dokumen_target, Some(DokumenTarget::Renstra));
    assert_eq!(
        bulatkan(t.baris[0].capaian.persen().unwrap(), 2),
        dec!(83.40)
    );
}

#[test]
fn a_sasaran_without_any_realisasi_has_no_capaian() {
    let mut d = mumbulsari();
    d.realisasi.retain(|r| r.indikator.as_str() == "SKM");
    let ix = Indeks::new(&d);
    let t = ukur(&ix, tahun(2020));
    assert_eq!(t.sasaran[1].capaian, None);
    assert_eq!(t.sasaran[1].predikat, None);
    assert_eq!(t.sasaran[1].jumlah_terukur, 0);
}

#[test]
fn quarterly_realisasi_forms_the_year() {
    let mut d = mumbulsari();
    d.realisasi.retain(|r| r.indikator.as_str() != "REKOM");
    for (p, v) in [
        (Periode::Tw1, "20"),
        (Periode::Tw2, "45"),
        (Periode::Tw3, "70"),
    ] {
        d.realisasi.push(realisasi("REKOM", 2020, p, v));
    }
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("REKOM").unwrap()).unwrap();
    // Cumulative (the default): the latest quarter, TW III = 70.
    let r = ix.realisasi_tahunan(ind, tahun(2020)).unwrap();
    assert_eq!(r.nilai.angka_setara(), Some(dec!(70)));
    assert_eq!(
        r.asal,
        AsalRealisasi::Triwulan {
            cara: CaraTahunan::Terakhir,
            jumlah: 3
        }
    );
    // Counts: 20 + 45 + 70 = 135; mean 135 / 3 = 45.
    let mut jumlah = ind.clone();
    jumlah.cara_tahunan = CaraTahunan::Jumlah;
    assert_eq!(
        ix.realisasi_tahunan(&jumlah, tahun(2020))
            .unwrap()
            .nilai
            .angka_setara(),
        Some(dec!(135))
    );
    jumlah.cara_tahunan = CaraTahunan::RataRata;
    assert_eq!(
        ix.realisasi_tahunan(&jumlah, tahun(2020))
            .unwrap()
            .nilai
            .angka_setara(),
        Some(dec!(45))
    );
    // An annual figure, when entered, is the year's.
    d.realisasi
        .push(realisasi("REKOM", 2020, Periode::Tahunan, "86,90"));
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("REKOM").unwrap()).unwrap();
    assert_eq!(
        ix.realisasi_tahunan(ind, tahun(2020)).unwrap().asal,
        AsalRealisasi::Tahunan
    );
}

#[test]
fn an_skm_indicator_takes_its_realisasi_from_the_survey() {
    let mut d = mumbulsari();
    d.realisasi
        .retain(|r| !(r.indikator.as_str() == "SKM" && r.tahun == tahun(2020)));
    let unsur = |nomor: u32, jumlah: Option<[u64; 4]>| UnsurSkm {
        nomor,
        nama: format!("Unsur {nomor}"),
        jumlah,
        distribusi: None,
    };
    // 9 unsur (PermenPANRB 14/2017), 4 respondents each. Unsur 1-8: answers 3,3,4,4 -> NRR
    // 14/4 = 3,5; unsur 9: 2,3,3,4 -> 12/4 = 3. IKM = (8 x 3,5 + 3) / 9 = 31/9 = 3,4444...;
    // NIK = IKM x 25 = 775/9 = 86,1111... -> capaian against "B (80 %)": 107,638...%.
    let mut u: Vec<UnsurSkm> = (1..=8).map(|n| unsur(n, Some([0, 0, 2, 2]))).collect();
    u.push(unsur(9, Some([0, 1, 2, 1])));
    d.skm.push(SurveiSkm {
        id: SurveiId::new("skm-2020").unwrap(),
        instansi: InstansiId::new("mumbulsari").unwrap(),
        tahun: tahun(2020),
        regime: "permenpanrb-14-2017".into(),
        indikator: Some(IndikatorId::new("SKM").unwrap()),
        responden: Some(4),
        populasi: None,
        unsur: u,
        catatan: None,
    });
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
    let r = ix.realisasi_tahunan(ind, tahun(2020)).unwrap();
    assert_eq!(r.nilai.teks(), "86,11");
    assert_eq!(
        bulatkan(r.nilai.angka_setara().unwrap(), 6),
        dec!(86.111111)
    );
    assert!(matches!(r.asal, AsalRealisasi::Skm { .. }));
    let t = ukur(&ix, tahun(2020));
    assert_eq!(
        bulatkan(t.baris[0].capaian.persen().unwrap(), 2),
        dec!(107.64)
    );
    // An unsur without answers: no realisasi rather than a wrong one.
    d.skm[0].unsur[8].jumlah = None;
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
    assert_eq!(ix.realisasi_tahunan(ind, tahun(2020)), None);
}

#[test]
fn tingkat_kemajuan_against_the_last_renstra_year() {
    let d = mumbulsari();
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
    // End of Renstra 2021, target 85: 70,89 / 85 x 100 = 83,4000 %.
    let k = tingkat_kemajuan(&ix, ind, tahun(2020));
    assert_eq!(k.tahun_akhir, Some(tahun(2021)));
    assert_eq!(k.target_akhir.as_ref().map(|t| t.teks()), Some("85"));
    assert_eq!(bulatkan(k.kemajuan.persen().unwrap(), 2), dec!(83.40));
    // A stated end target wins: 70,89 / 100 = 70,89 %.
    let mut ind2 = ind.clone();
    ind2.target_akhir = Some(n("100"));
    let k = tingkat_kemajuan(&ix, &ind2, tahun(2020));
    assert_eq!(k.kemajuan.persen(), Some(dec!(70.89)));
}

#[test]
fn riwayat_from_the_renstra_start() {
    let d = mumbulsari();
    let ix = Indeks::new(&d);
    let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
    let r = riwayat(&ix, ind, tahun(2020));
    assert_eq!(r.first().unwrap().tahun, tahun(2016));
    assert_eq!(r.len(), 5);
    // 2016: no realisasi -> n/a, not 0.
    assert_eq!(r[0].capaian.persen(), None);
    // 2017: 75,79 against the Renstra's 85 = 89,1647...%.
    assert_eq!(bulatkan(r[1].capaian.persen().unwrap(), 2), dec!(89.16));
    // 2018 vs 2017: 79,92 - 75,79 = 4,13.
    assert_eq!(r[2].perubahan, Some(dec!(4.13)));
    // 2019 is missing, so 2020 has no change figure.
    assert_eq!(r[4].perubahan, None);
}

#[test]
fn national_comparison_reads_polarity() {
    let mut d = mumbulsari();
    // The seed's Tabel 3.7 pairs: 95,79 vs national 94,40 (positive); TPT 4,21 vs 5,61
    // (negative).
    d.indikator
        .push(indikator("TPT", "S2", 3, Polaritas::Negatif));
    d.realisasi
        .push(realisasi("TPT", 2020, Periode::Tahunan, "4,21"));
    d.realisasi.retain(|r| r.indikator.as_str() != "DESA");
    d.realisasi
        .push(realisasi("DESA", 2020, Periode::Tahunan, "95,79"));
    for (i, v) in [("DESA", "94,40"), ("TPT", "5,61")] {
        d.pembanding.push(Pembanding {
            indikator: IndikatorId::new(i).unwrap(),
            tahun: tahun(2020),
            lingkup: "nasional".into(),
            nilai: n(v),
            sumber: Some("BPS".into()),
            catatan: None,
        });
    }
    let ix = Indeks::new(&d);
    let desa = ix.indikator(&IndikatorId::new("DESA").unwrap()).unwrap();
    let b = bandingkan(&ix, desa, tahun(2020), "nasional");
    // 95,79 - 94,40 = 1,39, better.
    assert_eq!(b.selisih, Some(dec!(1.39)));
    assert_eq!(b.lebih_baik, Some(true));
    let tpt = ix.indikator(&IndikatorId::new("TPT").unwrap()).unwrap();
    let b = bandingkan(&ix, tpt, tahun(2020), "nasional");
    // 4,21 - 5,61 = -1,40: lower unemployment is better.
    assert_eq!(b.selisih, Some(dec!(-1.40)));
    assert_eq!(b.lebih_baik, Some(true));
    // No national figure: nothing to compare, not zero.
    let skm = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
    let b = bandingkan(&ix, skm, tahun(2020), "nasional");
    assert_eq!((b.pembanding, b.selisih, b.lebih_baik), (None, None, None));
}
