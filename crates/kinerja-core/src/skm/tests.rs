//! Behaviour tests of the whole computation, with the hand calculations in comments.

use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::angka::BATAS_ANGKA;

fn persen(p: [i64; 4]) -> DataUnsur {
    DataUnsur::Persen(p.map(Decimal::from))
}

const NAMA_SEED: [&str; 14] = [
    "Persyaratan",
    "Kemudahan Prosedur",
    "Kecepatan Pelayanan",
    "Biaya lain (pungutan)",
    "Kesesuaian antara hasil pelayanan dengan ketentuan yang ada",
    "Kemampuan memberikan pelayanan",
    "Kesopanan petugas",
    "Kesesuaian pelaksanaan pelayanan dengan standart pelayanan",
    "Penanganan pengaduan dan saran",
    "Kejelasan alur pembagian petugas pelayanan",
    "Waktu pelaksanaan pelayanan",
    "Kenyamanan",
    "Kecepatan dan ketepatan waktu",
    "Keamanan",
];

/// The seed's published scores (LKjIP Kecamatan Mumbulsari 2020, "Penjelasan hasil survai").
fn skor_terbit_seed() -> Vec<Decimal> {
    [
        dec!(75),
        dec!(70),
        dec!(70),
        dec!(75),
        dec!(75),
        dec!(72.5),
        dec!(77.5),
        dec!(65),
        dec!(52.5),
        dec!(55),
        dec!(70),
        dec!(70),
        dec!(67.5),
        dec!(97.5),
    ]
    .to_vec()
}

fn kuesioner_seed() -> Kuesioner {
    Kuesioner::dengan_nama(
        Regime::kepmenpan_25_2004(),
        NAMA_SEED.map(String::from).to_vec(),
    )
    .unwrap()
}

/// Rows 1-2 have no distribution in the seed: only their published score can stand in.
/// Rows 3-14: the distributions as printed.
fn data_seed() -> Vec<DataUnsur> {
    vec![
        DataUnsur::Skor(dec!(75)),
        DataUnsur::Skor(dec!(70)),
        persen([0, 0, 100, 0]),
        persen([0, 40, 20, 40]),
        persen([0, 10, 80, 10]),
        persen([0, 10, 90, 0]),
        persen([0, 10, 70, 20]),
        persen([10, 30, 50, 10]),
        persen([0, 90, 10, 0]),
        persen([40, 10, 40, 10]),
        persen([10, 0, 90, 0]),
        persen([0, 30, 60, 10]),
        persen([10, 10, 80, 0]),
        persen([0, 0, 10, 90]),
    ]
}

#[test]
fn seed_scores_recomputed_from_the_distributions() {
    // score = (1 p1 + 2 p2 + 3 p3 + 4 p4) / 100 x 25, by hand:
    //  3: 300/100 x 25 = 75      (published 70: the one row that differs)
    //  4: (80+60+160)=300 -> 75   5: (20+240+40)=300 -> 75
    //  6: (20+270)=290 -> 72,5    7: (20+210+80)=310 -> 77,5
    //  8: (10+60+150+40)=260 -> 65
    //  9: (180+30)=210 -> 52,5   10: (40+20+120+40)=220 -> 55
    // 11: (10+270)=280 -> 70     12: (60+180+40)=280 -> 70
    // 13: (10+20+240)=270 -> 67,5
    // 14: (30+360)=390 -> 97,5
    // rows 1-2 taken from the published scores 75 and 70.
    let harapan = [
        dec!(75),
        dec!(70),
        dec!(75),
        dec!(75),
        dec!(75),
        dec!(72.5),
        dec!(77.5),
        dec!(65),
        dec!(52.5),
        dec!(55),
        dec!(70),
        dec!(70),
        dec!(67.5),
        dec!(97.5),
    ];
    let opsi = Opsi {
        skor_terbit: skor_terbit_seed().into_iter().map(Some).collect(),
        nik_terbit: Some(dec!(70.89)),
        ..Opsi::default()
    };
    let h = hitung(&kuesioner_seed(), &data_seed(), &opsi).unwrap();
    for (u, s) in h.unsur.iter().zip(harapan) {
        assert_eq!(u.skor, s, "{}", u.nama);
    }
    // Sum 75+70+75+75+75+72,5+77,5+65+52,5+55+70+70+67,5+97,5 = 997,5; / 14 = 71,25 exactly
    // (IKM 2,85). The published mean 70,89 used the printed 70 for row 3.
    assert_eq!(h.nik, dec!(71.25));
    assert_eq!(h.ikm, dec!(2.85));
    assert_eq!(h.rata_rata_skor, dec!(71.25));
    assert_eq!(h.mutu, Mutu::B);
    // The comparison notes: row 3 and the overall figure, nothing else.
    let selisih: Vec<&String> = h.catatan.iter().filter(|c| c.contains("berbeda")).collect();
    assert_eq!(selisih.len(), 2, "{:?}", h.catatan);
    assert!(selisih[0].starts_with("U3 Kecepatan Pelayanan: skor terbit 70,00"));
    assert!(selisih[1].contains("70,89") && selisih[1].contains("71,25"));
}

#[test]
fn seed_published_mean_reproduced_from_the_printed_scores() {
    // 75+70+70+75+75+72,5+77,5+65+52,5+55+70+70+67,5+97,5 = 992,5; 992,5/14 = 70,892857...
    let data: Vec<DataUnsur> = skor_terbit_seed()
        .into_iter()
        .map(DataUnsur::Skor)
        .collect();
    let h = hitung(&kuesioner_seed(), &data, &Opsi::default()).unwrap();
    assert_eq!(bulatkan_tabel(h.nik), dec!(70.89));
    assert!(h.nik > dec!(70.892857142857) && h.nik < dec!(70.892857142858));
    // 2004 table: 62,51-81,25 is B, "baik" as published.
    assert_eq!((h.mutu, h.kinerja_unit), (Mutu::B, KinerjaUnit::Baik));
    // Published predikat per row, read on the 2004 table: 52,5 and 55 Kurang baik (43,76-62,50),
    // 97,5 Sangat baik (>= 81,26), the rest (65..77,5) Baik.
    let predikat: Vec<KinerjaUnit> = h.unsur.iter().map(|u| u.kinerja_unit).collect();
    use KinerjaUnit::*;
    assert_eq!(
        predikat,
        [
            Baik, Baik, Baik, Baik, Baik, Baik, Baik, Baik, KurangBaik, KurangBaik, Baik, Baik,
            Baik, SangatBaik
        ]
    );
    // Below 70,89, lowest first: 9 (52,5), 10 (55), 8 (65), 13 (67,5), then the 70s in order
    // 2, 3, 11, 12. The seed names the first three as its priorities.
    assert_eq!(
        h.di_bawah_rata_rata,
        ["U9", "U10", "U8", "U13", "U2", "U3", "U11", "U12"]
    );
}

#[test]
fn seed_with_printed_weight() {
    // Sum of NRR = 992,5 / 25 = 39,7; x 0,071 = 2,8187; x 25 = 70,4675 -> 70,47 (exact: 70,89).
    let data: Vec<DataUnsur> = skor_terbit_seed()
        .into_iter()
        .map(DataUnsur::Skor)
        .collect();
    let opsi = Opsi {
        bobot: Bobot::Cetak,
        ..Opsi::default()
    };
    let h = hitung(&kuesioner_seed(), &data, &opsi).unwrap();
    assert_eq!(h.ikm, dec!(2.8187));
    assert_eq!(h.nik, dec!(70.4675));
    assert_eq!(h.bobot.tertulis, "0,071");
    // The mean of the scores (the chart's line) does not depend on the weight.
    assert_eq!(bulatkan_tabel(h.rata_rata_skor), dec!(70.89));
}

/// Hand-worked 9-unsur example, 4 respondents (rows r1..r4, columns U1..U9):
/// r1: 3 2 4 1 3 3 4 2 1
/// r2: 3 3 4 2 3 4 4 2 3
/// r3: 4 3 4 3 3 3 4 3 3
/// r4: 4 3 4 4 3 4 3 3 3
pub(crate) const CONTOH_9: [[u8; 9]; 4] = [
    [3, 2, 4, 1, 3, 3, 4, 2, 1],
    [3, 3, 4, 2, 3, 4, 4, 2, 3],
    [4, 3, 4, 3, 3, 3, 4, 3, 3],
    [4, 3, 4, 4, 3, 4, 3, 3, 3],
];

/// Counts [n1, n2, n3, n4] per unsur of `CONTOH_9`, by hand.
const JUMLAH_9: [[u64; 4]; 9] = [
    [0, 0, 2, 2],
    [0, 1, 3, 0],
    [0, 0, 0, 4],
    [1, 1, 1, 1],
    [0, 0, 4, 0],
    [0, 0, 2, 2],
    [0, 0, 1, 3],
    [0, 2, 2, 0],
    [1, 0, 3, 0],
];

fn tabulasi_9() -> TabulasiSurvei {
    let mut t = TabulasiSurvei::new(9, vec![]);
    for r in CONTOH_9 {
        let j: Vec<Jawaban> = r.iter().map(|&n| Jawaban::dari_nilai(n).unwrap()).collect();
        t.catat(&j, &[]).unwrap();
    }
    t
}

#[test]
fn nine_unsur_worked_by_hand() {
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let t = tabulasi_9();
    assert_eq!(t.total.jumlah(), JUMLAH_9);
    let h = hitung_tabulasi(
        &k,
        &t,
        &Opsi {
            populasi: Some(10),
            ..Opsi::default()
        },
    )
    .unwrap();
    // NRR: 14/4=3,5  11/4=2,75  16/4=4  10/4=2,5  12/4=3  14/4=3,5  15/4=3,75  10/4=2,5  10/4=2,5
    let nrr = [
        dec!(3.5),
        dec!(2.75),
        dec!(4),
        dec!(2.5),
        dec!(3),
        dec!(3.5),
        dec!(3.75),
        dec!(2.5),
        dec!(2.5),
    ];
    for (u, n) in h.unsur.iter().zip(nrr) {
        assert_eq!(u.nrr, n, "{}", u.kode);
        assert_eq!(u.skor, n * dec!(25));
    }
    // Sum of NRR 28; IKM = 28/9 = 3,111...; NIK = 700/9 = 77,777... -> 77,78 -> B on 2017.
    assert_eq!(bulatkan_tabel(h.nik), dec!(77.78));
    assert_eq!(h.ikm.round_dp(10), dec!(3.1111111111));
    assert_eq!((h.mutu, h.kinerja_unit), (Mutu::B, KinerjaUnit::Baik));
    // Per unsur (2017 table): 87,5 B; 68,75 C; 100 A; 62,5 D; 75 C; 87,5 B; 93,75 A; 62,5 D x2.
    let mutu: Vec<Mutu> = h.unsur.iter().map(|u| u.mutu).collect();
    use Mutu::*;
    assert_eq!(mutu, [B, C, A, D, C, B, A, D, D]);
    // Below 77,78, lowest first (ties in unsur order): U4, U8, U9 (62,5), U2 (68,75), U5 (75).
    assert_eq!(h.di_bawah_rata_rata, ["U4", "U8", "U9", "U2", "U5"]);
    // Counts carried through, and percents derived: U4 is 25% each.
    assert_eq!(h.unsur[3].jumlah, Some([1, 1, 1, 1]));
    assert_eq!(h.unsur[3].persen, Some([dec!(25); 4]));
    assert_eq!(h.responden, Some(4));
    // Population 10: 9,6025 / 0,98275 = 9,77 -> 10 needed; 4 is not enough.
    let s = h.sampel.unwrap();
    assert_eq!((s.minimum, s.cukup), (10, Some(false)));
    // Weighted NRR with exact weights sum to the IKM (to within the last of 28 digits).
    let jumlah: Decimal = h.unsur.iter().map(|u| u.nrr_tertimbang).sum();
    assert!((jumlah - h.ikm).abs() < dec!(0.000000000000000000001));
}

#[test]
fn printed_weight_changes_the_second_decimal() {
    // Same answers: 28 x 0,111 = 3,108 -> NIK 77,70; exact 700/9 = 77,78.
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let t = tabulasi_9();
    let cetak = hitung_tabulasi(
        &k,
        &t,
        &Opsi {
            bobot: Bobot::Cetak,
            ..Opsi::default()
        },
    )
    .unwrap();
    assert_eq!(cetak.ikm, dec!(3.108));
    assert_eq!(cetak.nik, dec!(77.7));
    assert_eq!(cetak.bobot.nilai, dec!(0.111));
    let tepat = hitung_tabulasi(&k, &t, &Opsi::default()).unwrap();
    assert_eq!(bulatkan_tabel(tepat.nik), dec!(77.78));
    assert_eq!(tepat.bobot.tertulis, "1/9");
    assert_ne!(bulatkan_tabel(tepat.nik), bulatkan_tabel(cetak.nik));
    // The printed weight gives each NRR times 0,111: U1 3,5 x 0,111 = 0,3885.
    assert_eq!(cetak.unsur[0].nrr_tertimbang, dec!(0.3885));
}

#[test]
fn three_inputs_give_the_same_result() {
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let dari_responden = hitung_tabulasi(&k, &tabulasi_9(), &Opsi::default()).unwrap();
    // The same answers as a distribution: 4 respondents, so each answer is 25%.
    let persen: Vec<DataUnsur> = JUMLAH_9
        .iter()
        .map(|c| DataUnsur::Persen(c.map(|n| Decimal::from(n * 25))))
        .collect();
    let dari_persen = hitung(&k, &persen, &Opsi::default()).unwrap();
    // ...and as published NRR.
    let nrr: Vec<DataUnsur> = dari_responden
        .unsur
        .iter()
        .map(|u| DataUnsur::Nrr(u.nrr))
        .collect();
    let dari_nrr = hitung(&k, &nrr, &Opsi::default()).unwrap();
    for h in [&dari_persen, &dari_nrr] {
        assert_eq!(h.ikm, dari_responden.ikm);
        assert_eq!(h.nik, dari_responden.nik);
        assert_eq!(h.mutu, dari_responden.mutu);
        assert_eq!(h.di_bawah_rata_rata, dari_responden.di_bawah_rata_rata);
        for (a, b) in h.unsur.iter().zip(&dari_responden.unsur) {
            assert_eq!((a.nrr, a.skor, a.mutu), (b.nrr, b.skor, b.mutu));
        }
    }
    assert_eq!(dari_persen.responden, None);
    assert!(dari_persen.catatan.is_empty(), "{:?}", dari_persen.catatan);
}

#[test]
fn breakdown_by_layanan() {
    // Two layanan: KTP gets r1 and r3, KK gets r2 and r4 of CONTOH_9.
    // KTP sums: 7 5 8 4 6 6 8 5 4 = 53 -> IKM 53/18 = 2,9444 -> NIK 73,61 (C on 2017).
    // KK sums:  7 6 8 6 6 8 7 5 6 = 59 -> IKM 59/18 = 3,2777 -> NIK 81,94 (B).
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let mut t = TabulasiSurvei::new(9, vec![("Jenis Layanan".into(), JenisProfil::Layanan)]);
    for (i, r) in CONTOH_9.iter().enumerate() {
        let j: Vec<Jawaban> = r.iter().map(|&n| Jawaban::dari_nilai(n).unwrap()).collect();
        t.catat(&j, &[if i % 2 == 0 { "KTP" } else { "KK" }])
            .unwrap();
    }
    let h = hitung_tabulasi(&k, &t, &Opsi::default()).unwrap();
    let r = &h.rincian[0];
    assert_eq!(r.kolom, "Jenis Layanan");
    // Sorted alphabetically: KK before KTP.
    assert_eq!(r.kelompok[0].nilai, "KK");
    assert_eq!(bulatkan_tabel(r.kelompok[0].nik), dec!(81.94));
    assert_eq!(r.kelompok[0].mutu, Mutu::B);
    assert_eq!(r.kelompok[1].nilai, "KTP");
    assert_eq!(bulatkan_tabel(r.kelompok[1].nik), dec!(73.61));
    assert_eq!(r.kelompok[1].mutu, Mutu::C);
    assert_eq!(r.kelompok[1].responden, 2);
    assert_eq!(r.kelompok[1].nrr[0], dec!(3.5));
}

#[test]
fn invalid_data_is_an_error_not_a_panic() {
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let mut d: Vec<DataUnsur> = (0..9).map(|_| DataUnsur::Nrr(dec!(3))).collect();
    d[0] = DataUnsur::Nrr(dec!(4.01));
    assert!(matches!(
        hitung(&k, &d, &Opsi::default()),
        Err(GalatSkm::DataTidakSah { .. })
    ));
    d[0] = DataUnsur::Skor(dec!(24.9));
    assert!(hitung(&k, &d, &Opsi::default()).is_err());
    d[0] = DataUnsur::Jumlah([0; 4]);
    assert!(matches!(
        hitung(&k, &d, &Opsi::default()),
        Err(GalatSkm::UnsurKosong { .. })
    ));
    d[0] = DataUnsur::Persen([dec!(-1), dec!(50), dec!(51), dec!(0)]);
    assert!(hitung(&k, &d, &Opsi::default()).is_err());
    d.pop();
    assert!(matches!(
        hitung(&k, &d, &Opsi::default()),
        Err(GalatSkm::JumlahUnsur {
            diharapkan: 9,
            didapat: 8,
            ..
        })
    ));
    let kosong = TabulasiSurvei::new(9, vec![]);
    assert_eq!(
        hitung_tabulasi(&k, &kosong, &Opsi::default()),
        Err(GalatSkm::TanpaResponden)
    );
}

#[test]
fn extreme_counts_and_percentages_are_an_error_or_exact_never_a_panic() {
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let mut d: Vec<DataUnsur> = (0..9).map(|_| DataUnsur::Nrr(dec!(3))).collect();
    // Four counts of u64::MAX do not sum in a u64: refused, not wrapped.
    d[0] = DataUnsur::Jumlah([u64::MAX; 4]);
    let e = hitung(&k, &d, &Opsi::default()).unwrap_err().to_string();
    assert!(e.contains("U1: jumlah jawaban melebihi batas"), "{e}");
    // u64::MAX respondents all answering 4: NRR exactly 4, score 100.
    d[0] = DataUnsur::Jumlah([0, 0, 0, u64::MAX]);
    let h = hitung(&k, &d, &Opsi::default()).unwrap();
    assert_eq!((h.unsur[0].nrr, h.unsur[0].skor), (dec!(4), dec!(100)));
    // A percentage past the bound of `angka` (as an adapter could hand in) is refused with it.
    d[0] = DataUnsur::Persen([Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::MAX]);
    let e = hitung(&k, &d, &Opsi::default()).unwrap_err().to_string();
    assert!(e.contains("melebihi batas 1.000.000.000.000.000"), "{e}");
    assert_eq!(d[0].skor("U1").unwrap_err().to_string(), e);
    // At the bound it computes: 10^15 % answering 4 and 1 % answering 1:
    // NRR (1 + 4·10^15) / (1 + 10^15), just under 4.
    d[0] = DataUnsur::Persen([Decimal::ONE, Decimal::ZERO, Decimal::ZERO, BATAS_ANGKA]);
    let nrr = hitung(&k, &d, &Opsi::default()).unwrap().unsur[0].nrr;
    assert!(nrr < dec!(4) && nrr > dec!(3.999999), "{nrr}");
}

#[test]
fn percent_rows_not_summing_to_100_are_noted_and_normalised() {
    // 33/33/33 of answers 2,3,4 sums to 99: NRR = (66+99+132)/99 = 3 exactly.
    let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
    let mut d: Vec<DataUnsur> = (0..9).map(|_| DataUnsur::Nrr(dec!(3))).collect();
    d[0] = persen([0, 33, 33, 33]);
    let h = hitung(&k, &d, &Opsi::default()).unwrap();
    assert_eq!(h.unsur[0].nrr, dec!(3));
    assert_eq!(h.catatan.len(), 1);
    assert!(h.catatan[0].contains("99,00"));
}

#[test]
fn one_unsur_on_its_own_has_its_percentages_and_score() {
    // Seed unsur 4: 0/40/20/40 % -> (2x40 + 3x20 + 4x40) / 100 = 3,00 -> skor 75.
    let p = persen([0, 40, 20, 40]);
    assert_eq!(p.skor("U4").ok(), Some(dec!(75)));
    assert_eq!(p.persen(), Some([dec!(0), dec!(40), dec!(20), dec!(40)]));
    // 1/1/1/0 respondents: (1 + 2 + 3) / 3 = 2 -> skor 50; a third each of answers 1-3.
    let j = DataUnsur::Jumlah([1, 1, 1, 0]);
    assert_eq!(j.skor("U").ok(), Some(dec!(50)));
    let sepertiga = Decimal::ONE_HUNDRED / Decimal::from(3);
    assert_eq!(
        j.persen(),
        Some([sepertiga, sepertiga, sepertiga, Decimal::ZERO])
    );
    // No answer at all: no percentages (0 of 0 is not 0 %) and no score.
    assert_eq!(DataUnsur::Jumlah([0; 4]).persen(), None);
    assert_eq!(DataUnsur::Jumlah([0; 4]).skor("U").ok(), None);
    // A published NRR has a score but no distribution; a negative percent has neither score.
    assert_eq!(DataUnsur::Nrr(dec!(3)).skor("U").ok(), Some(dec!(75)));
    assert_eq!(DataUnsur::Nrr(dec!(3)).persen(), None);
    assert_eq!(persen([-1, 50, 51, 0]).skor("U").ok(), None);
}

#[test]
fn the_same_unsur_scores_alike_alone_and_in_the_whole_survey() {
    let h = hitung(&kuesioner_seed(), &data_seed(), &Opsi::default()).unwrap();
    for (u, d) in h.unsur.iter().zip(data_seed()) {
        assert_eq!(d.skor(&u.kode).ok(), Some(u.skor), "{}", u.kode);
        assert_eq!(d.persen(), u.persen, "{}", u.kode);
    }
}

#[test]
fn a_surveys_unsur_is_its_counts_else_its_distribution() {
    let mut u = crate::model::UnsurSkm {
        nomor: 1,
        nama: "Persyaratan".into(),
        jumlah: None,
        distribusi: None,
    };
    assert_eq!(u.data(), None);
    u.distribusi = Some([dec!(0), dec!(0), dec!(100), dec!(0)]);
    assert!(matches!(u.data(), Some(DataUnsur::Persen(_))));
    u.jumlah = Some([0, 0, 3, 1]);
    assert_eq!(u.data(), Some(DataUnsur::Jumlah([0, 0, 3, 1])));
}

fn tabulasi_dari(jumlah: &[[u64; 4]]) -> Vec<DataUnsur> {
    jumlah.iter().map(|c| DataUnsur::Jumlah(*c)).collect()
}

fn strategi_jumlah() -> impl Strategy<Value = Vec<[u64; 4]>> {
    prop::collection::vec(
        prop::array::uniform4(0u64..50)
            .prop_filter("at least one answer", |c| c.iter().sum::<u64>() > 0),
        9,
    )
}

proptest! {
    #[test]
    fn ikm_stays_within_one_and_four(jumlah in strategi_jumlah(), cetak in any::<bool>()) {
        let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
        let bobot = if cetak { Bobot::Cetak } else { Bobot::Tepat };
        let h = hitung(&k, &tabulasi_dari(&jumlah), &Opsi { bobot, ..Opsi::default() }).unwrap();
        // Exact weights: a mean of values in 1..4. Printed: scaled by 9 x 0,111 = 0,999.
        let (lo, hi) = match bobot {
            Bobot::Tepat => (dec!(1), dec!(4)),
            Bobot::Cetak => (dec!(0.999), dec!(3.996)),
        };
        prop_assert!(h.ikm >= lo && h.ikm <= hi, "{}", h.ikm);
        prop_assert!(h.nik >= lo * dec!(25) && h.nik <= hi * dec!(25));
        for u in &h.unsur {
            prop_assert!(u.nrr >= dec!(1) && u.nrr <= dec!(4));
        }
    }

    #[test]
    fn more_sangat_baik_never_lowers_the_ikm(
        jumlah in strategi_jumlah(),
        unsur in 0usize..9,
        dari in 0usize..3,
    ) {
        let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
        let sebelum = hitung(&k, &tabulasi_dari(&jumlah), &Opsi::default()).unwrap();
        // Adding a 4-answer, or turning an answer 1-3 into a 4.
        let mut tambah = jumlah.clone();
        tambah[unsur][3] += 1;
        let h = hitung(&k, &tabulasi_dari(&tambah), &Opsi::default()).unwrap();
        prop_assert!(h.ikm >= sebelum.ikm);
        if jumlah[unsur][dari] > 0 {
            let mut ubah = jumlah.clone();
            ubah[unsur][dari] -= 1;
            ubah[unsur][3] += 1;
            let h = hitung(&k, &tabulasi_dari(&ubah), &Opsi::default()).unwrap();
            prop_assert!(h.ikm > sebelum.ikm);
            prop_assert!(h.mutu <= sebelum.mutu); // A < B < ... in declaration order
        }
    }

    #[test]
    fn counts_and_their_percentages_agree(jumlah in strategi_jumlah()) {
        let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
        let a = hitung(&k, &tabulasi_dari(&jumlah), &Opsi::default()).unwrap();
        let persen: Vec<DataUnsur> = a.unsur.iter().map(|u| DataUnsur::Persen(u.persen.unwrap())).collect();
        let b = hitung(&k, &persen, &Opsi::default()).unwrap();
        prop_assert!((a.ikm - b.ikm).abs() < dec!(0.0000000000000000001));
        prop_assert_eq!(bulatkan_tabel(a.nik), bulatkan_tabel(b.nik));
    }

    #[test]
    fn mutu_is_monotone_in_nik(a in 2500i64..=10000, b in 2500i64..=10000) {
        for r in Regime::semua() {
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(r.klasifikasi(Decimal::new(lo, 2)).mutu >= r.klasifikasi(Decimal::new(hi, 2)).mutu);
        }
    }
}
