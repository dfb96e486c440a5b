//! Capaian inputs found by fuzzing (fuzz/, target `nilai`): the core never panics on user data.

use kinerja_core::capaian::{self, AturanCapaian, Capaian};
use kinerja_core::model::Polaritas;
use kinerja_core::nilai::Nilai;
use rust_decimal::Decimal;

#[test]
fn negative_polarity_with_a_realisasi_at_the_limit_is_computed_or_refused_never_a_panic() {
    // The fuzzer's input, R = -79.228.162.514.264.337.593.543.950.335 (-Decimal::MAX), used to
    // panic in (T - (R - T)) / T. Numbers are now bounded where they are read: it is refused.
    let e = Nilai::parse("-79.228.162.514.264.337.593.543.950.335").unwrap_err();
    assert!(e.to_string().contains("melebihi batas"), "{e}");
    // At the bound, R = -10^15 and T = 1: (1 - (-10^15 - 1)) / 1 x 100 = (10^15 + 2) x 100
    // = 100.000.000.000.000.200 %, well inside Decimal.
    let t = Nilai::parse("1").unwrap();
    let r = Nilai::parse("-1.000.000.000.000.000").unwrap();
    let c = capaian::hitung(
        Polaritas::Negatif,
        Some(&t),
        Some(&r),
        &AturanCapaian::default(),
    );
    assert_eq!(
        c.persen(),
        Some(Decimal::from(100_000_000_000_000_200_i64)),
        "{c:?}"
    );
}

#[test]
fn the_mean_of_capaian_near_the_limit_does_not_overflow() {
    // Two capaian of 5 x 10^28 %: their sum, 10^29, is past Decimal::MAX (about 7,9 x 10^28);
    // the mean is taken exactly (`tepat`) and is 5 x 10^28.
    let besar = Decimal::from_i128_with_scale(50_000_000_000_000_000_000_000_000_000, 0);
    let c = Capaian::ada(besar, None);
    assert_eq!(capaian::rata_rata(&[c, c]), Some(besar));
    // Below the limit the mean is the exact one: (1 + 2) / 2 = 1,5.
    let kecil = |n| Capaian::ada(Decimal::from(n), None);
    assert_eq!(
        capaian::rata_rata(&[kecil(1), kecil(2)]),
        Some(Decimal::new(15, 1))
    );
}
