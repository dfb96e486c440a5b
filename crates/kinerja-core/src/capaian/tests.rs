//! Capaian by hand: the seed's figures, the regulations' worked examples, the edge cases.

use super::*;
use proptest::prelude::*;

fn n(t: &str) -> Nilai {
    Nilai::parse(t).unwrap()
}
fn cap(p: Polaritas, t: &str, r: &str) -> Capaian {
    hitung(p, Some(&n(t)), Some(&n(r)), &AturanCapaian::default())
}
fn persen(p: Polaritas, t: &str, r: &str) -> Decimal {
    cap(p, t, r).persen().unwrap()
}

#[test]
fn seed_table_3_1_positive_capaian() {
    // SKM: realisasi B (70,89 %) against target B (80 %): 70,89 / 80 x 100 = 88,6125.
    assert_eq!(
        persen(Polaritas::Positif, "B (80 %)", "B (70,89 %)"),
        dec!(88.6125)
    );
    // Rekomendasi ditindaklanjuti: 86,90 / 100 x 100 = 86,90.
    assert_eq!(persen(Polaritas::Positif, "100%", "86,90 %"), dec!(86.90));
    // Desa menyusun dokumen: 90 / 100 x 100 = 90.
    assert_eq!(persen(Polaritas::Positif, "100 %", "90 %"), dec!(90));
}

#[test]
fn negative_polarity_seed_formula() {
    // Tingkat Pengangguran Terbuka, the seed's Tabel 3.6 pair: T = 3,73, R = 4,21.
    // (3,73 - (4,21 - 3,73)) / 3,73 x 100 = 3,25 / 3,73 x 100 = 87,131367...
    let p = persen(Polaritas::Negatif, "3,73", "4,21");
    assert_eq!(p.round_dp(4), dec!(87.1314));
    // Better than target: T = 10, R = 5 gives (10 - (5 - 10)) / 10 x 100 = 150.
    assert_eq!(persen(Polaritas::Negatif, "10", "5"), dec!(150));
}

#[test]
fn negative_polarity_reciprocal_formula_is_a_setting() {
    let aturan = AturanCapaian {
        rumus_negatif: RumusNegatif::Kebalikan,
        batas_atas: None,
    };
    // T = 10, R = 5: 10 / 5 x 100 = 200 (the seed's formula gives 150).
    let c = hitung(Polaritas::Negatif, Some(&n("10")), Some(&n("5")), &aturan);
    assert_eq!(c.persen(), Some(dec!(200)));
    let c = hitung(Polaritas::Negatif, Some(&n("10")), Some(&n("0")), &aturan);
    assert_eq!(
        c,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::RealisasiNol
        }
    );
}

#[test]
fn negative_polarity_at_twice_target_is_zero_and_beyond_is_floored() {
    // R = 2T: (10 - 10) / 10 = 0.
    assert_eq!(
        cap(Polaritas::Negatif, "10", "20"),
        Capaian::ada(dec!(0), None)
    );
    // R = 3T: raw formula gives -100; floored at 0 and marked.
    assert_eq!(
        cap(Polaritas::Negatif, "10", "30"),
        Capaian::ada(dec!(0), Some(Batasan::Nol))
    );
}

#[test]
fn missing_realisasi_is_not_zero() {
    let c = hitung(
        Polaritas::Positif,
        Some(&n("100")),
        None,
        &AturanCapaian::default(),
    );
    assert_eq!(
        c,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::RealisasiKosong
        }
    );
    let c = hitung(
        Polaritas::Positif,
        None,
        Some(&n("5")),
        &AturanCapaian::default(),
    );
    assert_eq!(c.persen(), None);
}

#[test]
fn target_zero() {
    // Zero targeted, zero happened: met exactly.
    assert_eq!(persen(Polaritas::Negatif, "0", "0"), dec!(100));
    assert_eq!(persen(Polaritas::Positif, "0", "0"), dec!(100));
    for p in [Polaritas::Positif, Polaritas::Negatif] {
        assert_eq!(
            cap(p, "0", "3"),
            Capaian::TidakTersedia {
                alasan: AlasanTidakTersedia::TargetNol
            }
        );
    }
}

#[test]
fn qualitative_values() {
    assert_eq!(
        cap(Polaritas::Positif, "WTP", "WTP"),
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::TargetKualitatif
        }
    );
    assert_eq!(
        cap(Polaritas::Positif, "100", "Ada"),
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::RealisasiKualitatif
        }
    );
}

#[test]
fn range_rule() {
    // Inside 80-90: 100.
    assert_eq!(persen(Polaritas::Rentang, "80 - 90", "85"), dec!(100));
    assert_eq!(persen(Polaritas::Rentang, "80 - 90", "80"), dec!(100));
    assert_eq!(persen(Polaritas::Rentang, "80 - 90", "90"), dec!(100));
    // Below: against the lower bound, 72 / 80 x 100 = 90.
    assert_eq!(persen(Polaritas::Rentang, "80 - 90", "72"), dec!(90));
    // Above: against the upper bound as negative polarity, (90 - (99 - 90)) / 90 x 100 = 90.
    assert_eq!(persen(Polaritas::Rentang, "80 - 90", "99"), dec!(90));
    // A number under `rentang` polarity is a modelling error, not a number.
    assert_eq!(
        cap(Polaritas::Rentang, "85", "85"),
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::PolaritasTidakCocok
        }
    );
}

/// PermenPANRB 8/2021 (Sistem Manajemen Kinerja PNS), Lampiran, Bab VI A.1.b.1): "Untuk
/// target yang ditetapkan dalam bentuk range, dalam hal a. realisasi lebih besar dari target,
/// maka yang digunakan dalam formula diatas adalah batas atas dari target tersebut. b.
/// realisasi lebih kecil dari target, maka yang digunakan ... adalah batas bawah", for the
/// formula of "kondisi normal" (R / T x 100 %) and of "kondisi khusus"
/// ((1 + (1 - R / T)) x 100 %). Its worked examples, computed here by hand.
#[test]
fn range_targets_by_the_rule_of_permenpanrb_8_2021() {
    let p = Polaritas::Positif;
    // Kondisi normal, "Persentase penyelesaian pengaduan masyarakat atas layanan PBG/IMB dan
    // SLF", target 80 - 90 %, realisasi 92 %: above, so against the upper bound,
    // 92 / 90 x 100 = 102,222...%. (The regulation prints "= 113%" beside this very
    // fraction, which the fraction does not give; 102,22 % is what its formula says.)
    assert_eq!(
        crate::angka::bulatkan(persen(p, "80 - 90 %", "92 %"), 2),
        dec!(102.22)
    );
    // Realisasi 70 %: below, against the lower bound, 70 / 80 x 100 = 87,5 % (as printed).
    assert_eq!(persen(p, "80 - 90 %", "70 %"), dec!(87.5));
    // Inside the range the target is met: 100.
    assert_eq!(persen(p, "80 - 90 %", "85 %"), dec!(100));
    let k = Polaritas::Negatif;
    // Kondisi khusus, "Ketepatan waktu penyelesaian aplikasi", target 7 - 8 bulan,
    // realisasi 6,5: below, against 7, (1 + (1 - 6,5 / 7)) x 100 = (14 - 6,5) / 7 x 100 =
    // 7,5 / 7 x 100 = 107,142857...% (printed "107%").
    assert_eq!(
        crate::angka::bulatkan(persen(k, "7 - 8 bulan", "6,5"), 2),
        dec!(107.14)
    );
    // Realisasi 9: above, against 8, (1 + (1 - 9 / 8)) x 100 = 7 / 8 x 100 = 87,5 %.
    assert_eq!(persen(k, "7 - 8 bulan", "9"), dec!(87.5));
    // The reference value a finding quotes.
    assert_eq!(target_acuan(&n("7 - 8 bulan"), dec!(9)), Some(dec!(8)));
    assert_eq!(target_acuan(&n("7 - 8 bulan"), dec!(6.5)), Some(dec!(7)));
    assert_eq!(target_acuan(&n("7 - 8 bulan"), dec!(7.5)), None);
}

#[test]
fn a_near_zero_target_is_measured_not_taken_for_zero() {
    // The smallest target the bounds allow, 0,000001, against the largest realisasi,
    // 10^15: 10^15 / 10^-6 x 100 = 10^23 %, exactly, within what is computed. It is not
    // "target 0" (that is a target of exactly 0).
    let c = cap(Polaritas::Positif, "0,000001", "1.000.000.000.000.000");
    assert_eq!(c.persen(), Some(dec!(100000000000000000000000)));
    // Negative polarity: (10^-6 - (10^15 - 10^-6)) / 10^-6 is far below 0: floored.
    let c = cap(Polaritas::Negatif, "0,000001", "1.000.000.000.000.000");
    assert_eq!(c, Capaian::ada(dec!(0), Some(Batasan::Nol)));
    // Past what a Decimal holds the reason says so, and does not blame the target.
    assert!(
        AlasanTidakTersedia::MelebihiBatas
            .pesan()
            .contains("melebihi batas")
    );
    assert!(
        !AlasanTidakTersedia::MelebihiBatas
            .pesan()
            .contains("target 0")
    );
}

#[test]
fn upper_cap_is_recorded() {
    let aturan = AturanCapaian {
        rumus_negatif: RumusNegatif::SelisihTarget,
        batas_atas: Some(dec!(120)),
    };
    // 150 / 100 x 100 = 150, clipped to 120.
    let c = hitung(
        Polaritas::Positif,
        Some(&n("100")),
        Some(&n("150")),
        &aturan,
    );
    assert_eq!(c, Capaian::ada(dec!(120), Some(Batasan::BatasAtas)));
}

#[test]
fn mean_leaves_out_unavailable_capaian() {
    // Sasaran 2 of the seed: (86,90 + 90) / 2 = 88,45.
    let cs = [
        cap(Polaritas::Positif, "100%", "86,90 %"),
        cap(Polaritas::Positif, "100 %", "90 %"),
        hitung(
            Polaritas::Positif,
            Some(&n("100")),
            None,
            &AturanCapaian::default(),
        ),
    ];
    assert_eq!(rata_rata(&cs), Some(dec!(88.45)));
    assert_eq!(rata_rata(&cs[2..]), None);
}

#[test]
fn a_mean_on_a_midpoint_rounds_like_the_exact_mean() {
    use crate::angka::bulatkan;
    use crate::predikat::SkalaPredikat;
    // Issue 19's example, positive polarity: targets 3, 6, 600, realisasi 1, 5, 667,91.
    // 1/3 x 100 = 33,333...; 5/6 x 100 = 83,333...; 667,91/600 x 100 = 111,318333...
    // Sum = (20000 + 50000 + 66791) / 600 = 136791/600 = 227,985; mean 75,995 exactly,
    // printed 76,00 % and Baik (76 and above) on the LKjIP scale. From 28-digit quotients
    // the sum was 227,98499...9 and the mean printed 75,99 % Cukup.
    let p = Polaritas::Positif;
    let cs = [cap(p, "3", "1"), cap(p, "6", "5"), cap(p, "600", "667,91")];
    let m = rata_rata(&cs).unwrap();
    assert_eq!(m, dec!(75.995));
    assert_eq!(bulatkan(m, 2), dec!(76.00));
    let skala = SkalaPredikat::lkjip_empat_tingkat();
    assert_eq!(skala.predikat(m).label, "Baik");
}

#[test]
fn a_negative_target_keeps_better_higher_for_positive_polarity() {
    let p = Polaritas::Positif;
    // Target -2 (a growth rate): (|T| + (R - T)) / |T| x 100.
    // R = -1: (2 + (-1 + 2)) / 2 x 100 = 3/2 x 100 = 150: above target is better.
    assert_eq!(persen(p, "-2", "-1"), dec!(150));
    // R = -3: (2 + (-3 + 2)) / 2 x 100 = 1/2 x 100 = 50. (R / T gave 150 and 50 reversed.)
    assert_eq!(persen(p, "-2", "-3"), dec!(50));
    assert_eq!(persen(p, "-2", "-2"), dec!(100));
    // R = 1: (2 + 3) / 2 x 100 = 250.
    assert_eq!(persen(p, "-2", "1"), dec!(250));
    // A positive target is unchanged: (80 + (72 - 80)) / 80 x 100 = 72 / 80 x 100 = 90.
    assert_eq!(persen(p, "80", "72"), dec!(90));
}

#[test]
fn a_negative_target_keeps_better_lower_for_negative_polarity() {
    let p = Polaritas::Negatif;
    // Target -2 (a deficit, lower is better): (|T| - (R - T)) / |T| x 100.
    // R = -3: (2 - (-3 + 2)) / 2 x 100 = 3/2 x 100 = 150.
    assert_eq!(persen(p, "-2", "-3"), dec!(150));
    // R = -1: (2 - (-1 + 2)) / 2 x 100 = 1/2 x 100 = 50.
    assert_eq!(persen(p, "-2", "-1"), dec!(50));
    // R = 2: (2 - 4) / 2 = -1: floored at 0 like any result below nothing achieved.
    assert_eq!(cap(p, "-2", "2"), Capaian::ada(dec!(0), Some(Batasan::Nol)));
    // The reciprocal formula has no meaning for a negative target (T / R = -2 / -3 would
    // give 66,67 for the better realisasi): the difference is used, 150 as above.
    let aturan = AturanCapaian {
        rumus_negatif: RumusNegatif::Kebalikan,
        batas_atas: None,
    };
    let c = hitung(p, Some(&n("-2")), Some(&n("-3")), &aturan);
    assert_eq!(c.persen(), Some(dec!(150)));
}

#[test]
fn a_range_with_negative_bounds_measures_against_the_nearer_bound() {
    // Range -4 to -2. Below: positive against -4, (4 + (-5 + 4)) / 4 x 100 = 3/4 = 75.
    assert_eq!(persen(Polaritas::Rentang, "-4 - -2", "-5"), dec!(75));
    // Above: negative against -2, (2 - (-1 + 2)) / 2 x 100 = 50.
    assert_eq!(persen(Polaritas::Rentang, "-4 - -2", "-1"), dec!(50));
    assert_eq!(persen(Polaritas::Rentang, "-4 - -2", "-3"), dec!(100));
}

#[test]
fn a_range_of_one_value_is_measured_from_the_side_the_realisasi_is_on() {
    // "1 - 1": above it, 2 is too much, (1 - (2 - 1)) / 1 x 100 = 0 (not 2 / 1 = 200, which
    // reading the bound it equals as the lower one gave). Below, 0,5 / 1 x 100 = 50.
    assert_eq!(persen(Polaritas::Rentang, "1 - 1", "2"), dec!(0));
    assert_eq!(persen(Polaritas::Rentang, "1 - 1", "0,5"), dec!(50));
    assert_eq!(persen(Polaritas::Rentang, "1 - 1", "1"), dec!(100));
}

proptest! {
    #[test]
    fn positive_capaian_grows_with_realisasi(t in 1i64..1_000_000, r in 0i64..1_000_000, d in 1i64..1000) {
        let t = Nilai::hasil(Decimal::new(t, 2));
        let a = hitung(Polaritas::Positif, Some(&t), Some(&Nilai::hasil(Decimal::new(r, 2))), &AturanCapaian::default());
        let b = hitung(Polaritas::Positif, Some(&t), Some(&Nilai::hasil(Decimal::new(r + d, 2))), &AturanCapaian::default());
        prop_assert!(a.persen().unwrap() < b.persen().unwrap());
    }

    #[test]
    fn negative_capaian_falls_with_realisasi(t in 1i64..1_000_000, r in 0i64..1_000_000, d in 1i64..1000) {
        let t = Nilai::hasil(Decimal::new(t, 2));
        let a = hitung(Polaritas::Negatif, Some(&t), Some(&Nilai::hasil(Decimal::new(r, 2))), &AturanCapaian::default());
        let b = hitung(Polaritas::Negatif, Some(&t), Some(&Nilai::hasil(Decimal::new(r + d, 2))), &AturanCapaian::default());
        prop_assert!(a.persen().unwrap() >= b.persen().unwrap());
        prop_assert!(b.persen().unwrap() >= Decimal::ZERO);
    }

    #[test]
    fn realisasi_equal_to_target_is_100_for_every_polarity(t in 1i64..1_000_000) {
        let v = Nilai::hasil(Decimal::new(t, 2));
        for p in [Polaritas::Positif, Polaritas::Negatif] {
            let c = hitung(p, Some(&v), Some(&v), &AturanCapaian::default());
            prop_assert_eq!(c.persen(), Some(dec!(100)));
        }
    }

    #[test]
    fn range_capaian_never_exceeds_100(a in 1i64..1000, w in 0i64..1000, r in 0i64..5000) {
        let t = Nilai::parse(&format!("{a} - {}", a + w)).unwrap();
        let c = hitung(Polaritas::Rentang, Some(&t), Some(&Nilai::hasil(Decimal::from(r))), &AturanCapaian::default());
        let p = c.persen().unwrap();
        prop_assert!(p <= dec!(100) && p >= Decimal::ZERO);
    }

    /// A mean constructed to land exactly on a midpoint x,xx5 rounds away from zero, whatever
    /// the repeating decimals of the quotients it is made of.
    #[test]
    fn a_mean_landing_on_a_midpoint_rounds_away_from_zero(
        ts in proptest::collection::vec(1i128..=30, 1..4),
        rs in proptest::collection::vec(0i128..20_000, 3),
        j in 0i128..50_000,
    ) {
        use crate::angka::bulatkan;
        let gcd = |mut a: i128, mut b: i128| { while b != 0 { (a, b) = (b, a % b); } a };
        // Indicators 1..k: target t_i, realisasi r_i / 100, capaian r_i / t_i (percent).
        // With L = lcm(t_i) their sum is P / L, P = sum of r_i x (L / t_i).
        let l = ts.iter().fold(1, |l, t| l / gcd(l, *t) * t);
        let p: i128 = ts.iter().zip(&rs).map(|(t, r)| r * (l / t)).sum();
        let n = ts.len() as i128 + 1;
        // The last indicator: target L, realisasi x, capaian 100 x / L. The mean is the
        // midpoint M = K / 1000 (K ending in 5) when (P / L + 100 x / L) / n = K / 1000,
        // that is x = (n K L - 1000 P) / 100000: at most five decimals. K is chosen above
        // 1000 P / (n L) so that x is positive.
        let k = 10 * (100 * p / (n * l) + 1 + j) + 5;
        let x = Decimal::new((n * k * l - 1000 * p) as i64, 5);
        let mut cs: Vec<Capaian> = ts
            .iter()
            .zip(&rs)
            .map(|(t, r)| {
                hitung(Polaritas::Positif, Some(&Nilai::hasil(Decimal::from(*t as i64))),
                    Some(&Nilai::hasil(Decimal::new(*r as i64, 2))), &AturanCapaian::default())
            })
            .collect();
        cs.push(hitung(Polaritas::Positif, Some(&Nilai::hasil(Decimal::from(l as i64))),
            Some(&Nilai::hasil(x)), &AturanCapaian::default()));
        let m = rata_rata(&cs).unwrap();
        prop_assert_eq!(bulatkan(m, 2), Decimal::new((k + 5) as i64, 3));
    }
}
