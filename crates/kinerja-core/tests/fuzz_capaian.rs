//! Capaian inputs found by fuzzing (fuzz/, target `nilai`): the core never panics on user data.

use kinerja_core::capaian::{self, AlasanTidakTersedia, AturanCapaian, Capaian};
use kinerja_core::model::Polaritas;
use kinerja_core::nilai::Nilai;
use rust_decimal::Decimal;

#[test]
fn negative_polarity_with_a_realisasi_at_the_limit_is_not_available() {
    // (T - (R - T)) / T with T = 1, R = -79.228.162.514.264.337.593.543.950.335 (-Decimal::MAX):
    // R - T is below the smallest Decimal, so the formula has no value; it used to panic.
    let t = Nilai::parse("1").unwrap();
    let r = Nilai::parse("-79.228.162.514.264.337.593.543.950.335").unwrap();
    let c = capaian::hitung(
        Polaritas::Negatif,
        Some(&t),
        Some(&r),
        &AturanCapaian::default(),
    );
    assert_eq!(
        c,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::TargetNol
        }
    );
}

#[test]
fn the_mean_of_capaian_near_the_limit_does_not_overflow() {
    // Two capaian of 5 x 10^28 %: their sum, 10^29, is past Decimal::MAX (about 7,9 x 10^28),
    // so each is halved first: 2,5 x 10^28 + 2,5 x 10^28 = 5 x 10^28.
    let besar = Decimal::from_i128_with_scale(50_000_000_000_000_000_000_000_000_000, 0);
    let c = Capaian::Ada {
        persen: besar,
        dibatasi: None,
    };
    assert_eq!(capaian::rata_rata(&[c, c]), Some(besar));
    // Below the limit the mean is the exact one: (1 + 2) / 2 = 1,5.
    let kecil = |n| Capaian::Ada {
        persen: Decimal::from(n),
        dibatasi: None,
    };
    assert_eq!(
        capaian::rata_rata(&[kecil(1), kecil(2)]),
        Some(Decimal::new(15, 1))
    );
}
