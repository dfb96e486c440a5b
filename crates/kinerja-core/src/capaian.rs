//! Capaian: realisasi measured against target, in percent, unrounded (rounding happens once, where
//! a figure is printed).
//!
//! Decisions where no regulation settles the case (each has a test):
//! - Missing realisasi is not zero: capaian is *tidak tersedia* (n/a), with the reason.
//! - Target 0: when realisasi is also 0 the target is met exactly, capaian 100 %. Otherwise the
//!   ratio is undefined: n/a, reason `TargetNol`.
//! - Qualitative target or realisasi without a stated numeric equivalent (`WTP`, `Ada`): n/a.
//! - Negative polarity, the seed's formula `(T - (R - T)) / T x 100 = (2 - R/T) x 100` reaches 0 at
//!   R = 2T and would go negative beyond. Capaian is floored at 0 and the floor is recorded
//!   (`dibatasi`): a result below "nothing achieved" would let one indicator drag a sasaran's
//!   mean below what total failure means. The alternative formula `T / R x 100` is a setting.
//! - Range target [a, b]: inside, 100; above b, measured as negative polarity against b; below a,
//!   as positive polarity against a (PermenPANRB 8/2021's rule for individual targets).
//! - An optional upper cap (`batas_atas`) clips high capaian; recorded like the floor.
//! - Arithmetic is checked: a result past `Decimal`'s range is n/a, reason `MelebihiBatas`. With
//!   numbers within the bounds of `angka` it cannot happen (a capaian is at most 3·10^23).

use crate::model::Polaritas;
use crate::nilai::{Bentuk, Nilai};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

/// The formula for negative polarity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RumusNegatif {
    /// `(T - (R - T)) / T x 100`, as the seed and most LKjIP write it.
    #[default]
    SelisihTarget,
    /// `T / R x 100`, as some documents do (T=10, R=5 gives 200 instead of 150).
    Kebalikan,
}

impl RumusNegatif {
    pub fn keterangan(self) -> &'static str {
        match self {
            RumusNegatif::SelisihTarget => "(Target - (Realisasi - Target)) / Target x 100",
            RumusNegatif::Kebalikan => "Target / Realisasi x 100",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AturanCapaian {
    pub rumus_negatif: RumusNegatif,
    pub batas_atas: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanTidakTersedia {
    RealisasiKosong,
    TargetKosong,
    TargetNol,
    TargetKualitatif,
    RealisasiKualitatif,
    /// The target is a range but the polarity is not, or the reverse.
    PolaritasTidakCocok,
    /// `T / R` with R = 0 under the reciprocal formula.
    RealisasiNol,
    /// The result is past what can be computed exactly (numbers beyond the bounds of `angka`,
    /// or a sum over more lines than `Decimal` holds).
    MelebihiBatas,
}

impl AlasanTidakTersedia {
    pub fn pesan(self) -> &'static str {
        use AlasanTidakTersedia::*;
        match self {
            RealisasiKosong => "realisasi belum tersedia",
            TargetKosong => "target belum tersedia",
            TargetNol => "target 0: capaian tidak terdefinisi",
            TargetKualitatif => "target kualitatif tanpa nilai setara angka",
            RealisasiKualitatif => "realisasi kualitatif tanpa nilai setara angka",
            PolaritasTidakCocok => "target rentang hanya untuk polaritas rentang",
            RealisasiNol => "realisasi 0 pada rumus Target / Realisasi",
            MelebihiBatas => "hasil hitung melebihi batas angka yang dapat dihitung tepat",
        }
    }
}

/// What was done to the raw formula's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Batasan {
    /// Negative polarity past twice the target: floored at 0.
    Nol,
    /// Clipped at the instansi's `batas_atas`.
    BatasAtas,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Capaian {
    Ada {
        persen: Decimal,
        dibatasi: Option<Batasan>,
    },
    TidakTersedia {
        alasan: AlasanTidakTersedia,
    },
}

impl Capaian {
    pub fn persen(&self) -> Option<Decimal> {
        match self {
            Capaian::Ada { persen, .. } => Some(*persen),
            Capaian::TidakTersedia { .. } => None,
        }
    }
    fn na(alasan: AlasanTidakTersedia) -> Capaian {
        Capaian::TidakTersedia { alasan }
    }
}

const SERATUS: Decimal = dec!(100);

/// Capaian of one indicator for one period.
pub fn hitung(
    polaritas: Polaritas,
    target: Option<&Nilai>,
    realisasi: Option<&Nilai>,
    aturan: &AturanCapaian,
) -> Capaian {
    use AlasanTidakTersedia::*;
    let Some(target) = target else {
        return Capaian::na(TargetKosong);
    };
    let Some(realisasi) = realisasi else {
        return Capaian::na(RealisasiKosong);
    };
    // The target's form decides first: with a qualitative target no realisasi can be measured.
    if matches!(target.bentuk(), Bentuk::Kualitatif { .. }) {
        return Capaian::na(TargetKualitatif);
    }
    let r = match realisasi.bentuk() {
        Bentuk::Angka { nilai, .. } => *nilai,
        // A realisasi is a point; a range or a bare label has no number to compare.
        _ => return Capaian::na(RealisasiKualitatif),
    };
    let hasil = match (target.bentuk(), polaritas) {
        (Bentuk::Kualitatif { .. }, _) => return Capaian::na(TargetKualitatif),
        (Bentuk::Rentang { .. }, Polaritas::Positif | Polaritas::Negatif)
        | (Bentuk::Angka { .. }, Polaritas::Rentang) => return Capaian::na(PolaritasTidakCocok),
        (Bentuk::Angka { nilai: t, .. }, Polaritas::Positif) => positif(*t, r),
        (Bentuk::Angka { nilai: t, .. }, Polaritas::Negatif) => {
            negatif(*t, r, aturan.rumus_negatif)
        }
        (Bentuk::Rentang { bawah, atas, .. }, Polaritas::Rentang) => {
            if r < *bawah {
                positif(*bawah, r)
            } else if r > *atas {
                negatif(*atas, r, RumusNegatif::SelisihTarget)
            } else {
                Ok(SERATUS)
            }
        }
    };
    match hasil {
        Err(alasan) => Capaian::na(alasan),
        Ok(p) if p < Decimal::ZERO => Capaian::Ada {
            persen: Decimal::ZERO,
            dibatasi: Some(Batasan::Nol),
        },
        Ok(p) => match aturan.batas_atas {
            Some(maks) if p > maks => Capaian::Ada {
                persen: maks,
                dibatasi: Some(Batasan::BatasAtas),
            },
            _ => Capaian::Ada {
                persen: p,
                dibatasi: None,
            },
        },
    }
}

fn positif(t: Decimal, r: Decimal) -> Result<Decimal, AlasanTidakTersedia> {
    if t.is_zero() {
        return if r.is_zero() {
            Ok(SERATUS)
        } else {
            Err(AlasanTidakTersedia::TargetNol)
        };
    }
    persen(r, t)
}

fn negatif(t: Decimal, r: Decimal, rumus: RumusNegatif) -> Result<Decimal, AlasanTidakTersedia> {
    if t.is_zero() {
        return if r.is_zero() {
            Ok(SERATUS)
        } else {
            Err(AlasanTidakTersedia::TargetNol)
        };
    }
    match rumus {
        RumusNegatif::SelisihTarget => {
            let selisih = r
                .checked_sub(t)
                .and_then(|x| t.checked_sub(x))
                .ok_or(AlasanTidakTersedia::MelebihiBatas)?;
            persen(selisih, t)
        }
        RumusNegatif::Kebalikan => {
            if r.is_zero() {
                return Err(AlasanTidakTersedia::RealisasiNol);
            }
            persen(t, r)
        }
    }
}

/// `a / b x 100` for b != 0, checked.
fn persen(a: Decimal, b: Decimal) -> Result<Decimal, AlasanTidakTersedia> {
    a.checked_div(b)
        .and_then(|q| q.checked_mul(SERATUS))
        .ok_or(AlasanTidakTersedia::MelebihiBatas)
}

/// The mean of the available capaian (n/a ones are left out and counted). `None` when none is
/// available. This is how a sasaran's capaian is commonly formed; the report says so.
///
/// The sum is checked: past `Decimal`'s range (possible only with capaian far beyond what bounded
/// numbers give, over very many indicators) the mean is taken as the sum of each value divided
/// by the count, which stays within the largest value's magnitude.
pub fn rata_rata(capaian: &[Capaian]) -> Option<Decimal> {
    let ada: Vec<Decimal> = capaian.iter().filter_map(Capaian::persen).collect();
    if ada.is_empty() {
        return None;
    }
    let n = Decimal::from(ada.len());
    // The exact sum first. Near the limit of `Decimal` divide before adding, and when even that
    // rounds past the limit, no mean: a panic here would stop a whole report.
    match ada.iter().try_fold(Decimal::ZERO, |a, x| a.checked_add(*x)) {
        Some(jumlah) => Some(jumlah / n),
        None => ada
            .iter()
            .try_fold(Decimal::ZERO, |a, x| a.checked_add(x.checked_div(n)?)),
    }
}

#[cfg(test)]
mod tests {
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
            Capaian::Ada {
                persen: dec!(0),
                dibatasi: None
            }
        );
        // R = 3T: raw formula gives -100; floored at 0 and marked.
        assert_eq!(
            cap(Polaritas::Negatif, "10", "30"),
            Capaian::Ada {
                persen: dec!(0),
                dibatasi: Some(Batasan::Nol)
            }
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
        // A range target under positive polarity is a modelling error, not a number.
        assert_eq!(
            cap(Polaritas::Positif, "80 - 90", "85"),
            Capaian::TidakTersedia {
                alasan: AlasanTidakTersedia::PolaritasTidakCocok
            }
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
        assert_eq!(
            c,
            Capaian::Ada {
                persen: dec!(120),
                dibatasi: Some(Batasan::BatasAtas)
            }
        );
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
    }
}
