//! Exact quotients, and the one way an exact value becomes a `Decimal`.
//!
//! A capaian is a quotient (`realisasi / target x 100`) that a 28-digit `Decimal` cuts short:
//! 1/3 is 0,333...3, and three such cut thirds can sum to x,xx4999... where the exact sum is the
//! midpoint x,xx5, so the mean would round down where it must round up (targets 3, 6 and 600
//! with realisasi 1, 5 and 667,91: the exact mean is 75,995 %, printed 76,00 %; from cut
//! quotients 75,99 %). So a quotient is kept as the pair it is ([`Pecahan`]), sums and means are
//! taken over big-integer rationals ([`Rasional`]), and only the result is turned into a
//! `Decimal`, once, by [`Rasional::desimal`].
//!
//! That conversion rounds *to odd*: the value is cut to 28 significant digits and, when
//! anything was cut, the last digit kept is made odd. A value so formed lies strictly between
//! the same two neighbouring 28-digit numbers as the exact one, and is never itself a midpoint
//! at any coarser precision; so rounding it half away from zero to any precision at least two
//! digits coarser (`angka::bulatkan(x, 2)` for every value below 10^24) gives exactly what
//! rounding the exact value gives (Boldo and Melquiond, "When double rounding is odd", 2005).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// The significant digits a converted value keeps (a `Decimal` holds 28, sometimes 29).
const DIGIT: u32 = 28;

/// Denominators up to this many bits are reduced to lowest terms (cheap, and it keeps the
/// common sums small); larger ones only meet their one division in [`Rasional::desimal`].
const BATAS_SEDERHANA: u64 = 256;

/// A quotient of two decimals, kept unevaluated so that sums and means of quotients are exact.
/// The denominator is positive. Equal when the values are (0/10 is 0/1).
#[derive(Debug, Clone, Copy)]
pub struct Pecahan {
    pembilang: Decimal,
    penyebut: Decimal,
}

impl Pecahan {
    /// `pembilang / penyebut`; `None` when the denominator is 0.
    pub fn new(pembilang: Decimal, penyebut: Decimal) -> Option<Pecahan> {
        if penyebut.is_zero() {
            return None;
        }
        let (pembilang, penyebut) = if penyebut.is_sign_negative() {
            (-pembilang, -penyebut)
        } else {
            (pembilang, penyebut)
        };
        Some(Pecahan {
            pembilang,
            penyebut,
        })
    }

    /// A decimal as the quotient `d / 1`.
    pub fn bulat(d: Decimal) -> Pecahan {
        Pecahan {
            pembilang: d,
            penyebut: Decimal::ONE,
        }
    }

    pub fn rasional(&self) -> Rasional {
        Rasional::desimal_ke(self.pembilang).bagi_dengan(&Rasional::desimal_ke(self.penyebut))
    }

    /// The quotient as a `Decimal` rounded to odd (see the module); `None` past `Decimal`'s range.
    pub fn desimal(&self) -> Option<Decimal> {
        self.desimal_i128().or_else(|| self.rasional().desimal())
    }

    /// [`Rasional::desimal`] in 128-bit integers, for the common quotient whose scaled
    /// numerator fits (a capaian of a few hundred percent from targets with a few decimals);
    /// `None` when it does not, and the big integers take over.
    fn desimal_i128(&self) -> Option<Decimal> {
        let pangkat = |s: u32| 10i128.checked_pow(s);
        let p = self
            .pembilang
            .mantissa()
            .checked_mul(pangkat(self.penyebut.scale())?)?;
        let q = self
            .penyebut
            .mantissa()
            .checked_mul(pangkat(self.pembilang.scale())?)?
            .unsigned_abs();
        let a = p.unsigned_abs();
        let bulat = a / q;
        let skala = DIGIT.saturating_sub(bulat.checked_ilog10().map_or(0, |d| d + 1));
        let a = a.checked_mul(10u128.checked_pow(skala)?)?;
        jadikan_desimal(p < 0, a / q, a % q == 0, skala)
    }

    pub fn negatif(&self) -> bool {
        self.pembilang.is_sign_negative() && !self.pembilang.is_zero()
    }
}

impl PartialEq for Pecahan {
    fn eq(&self, other: &Self) -> bool {
        (self.pembilang == other.pembilang && self.penyebut == other.penyebut)
            || self.rasional() == other.rasional()
    }
}
impl Eq for Pecahan {}

/// An exact rational over big integers, with a positive denominator. Small ones are kept in
/// lowest terms; a long sum of many different denominators is not reduced at every step (the
/// gcd of large numbers would make a mean of n quotients cost n^2 large divisions), so
/// equality compares cross products.
#[derive(Debug, Clone)]
pub struct Rasional {
    p: BigInt,
    q: BigInt,
}

impl Rasional {
    pub fn nol() -> Rasional {
        Rasional {
            p: BigInt::zero(),
            q: BigInt::from(1),
        }
    }

    fn baru(p: BigInt, q: BigInt) -> Rasional {
        let (p, q) = if q.is_negative() { (-p, -q) } else { (p, q) };
        if q.bits() > BATAS_SEDERHANA {
            return Rasional { p, q };
        }
        let g = p.gcd(&q);
        if g.is_zero() || g == BigInt::from(1) {
            Rasional { p, q }
        } else {
            Rasional {
                p: p / &g,
                q: q / &g,
            }
        }
    }

    /// A decimal exactly: mantissa over 10^scale.
    pub fn desimal_ke(d: Decimal) -> Rasional {
        Rasional::baru(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
    }

    pub fn tambah(&self, lain: &Rasional) -> Rasional {
        // Targets repeat (100, 80): equal denominators add their numerators.
        if self.q == lain.q {
            return Rasional::baru(&self.p + &lain.p, self.q.clone());
        }
        Rasional::baru(&self.p * &lain.q + &lain.p * &self.q, &self.q * &lain.q)
    }

    /// `self / lain`; a zero divisor gives zero (callers never divide by zero: a `Pecahan` has a
    /// non-zero denominator and a mean divides by a count of at least one).
    fn bagi_dengan(&self, lain: &Rasional) -> Rasional {
        if lain.p.is_zero() {
            return Rasional::nol();
        }
        Rasional::baru(&self.p * &lain.q, &self.q * &lain.p)
    }

    /// `self * lain`.
    pub fn kali(&self, lain: &Rasional) -> Rasional {
        Rasional::baru(&self.p * &lain.p, &self.q * &lain.q)
    }

    /// `self / lain`; a zero divisor gives zero (as [`Rasional::bagi`] for a count of 0).
    pub fn bagi_rasional(&self, lain: &Rasional) -> Rasional {
        self.bagi_dengan(lain)
    }

    /// `self / n` for a count `n >= 1`.
    pub fn bagi(&self, n: usize) -> Rasional {
        Rasional::baru(self.p.clone(), &self.q * BigInt::from(n.max(1)))
    }

    /// The value as a `Decimal` rounded to odd at 28 significant digits (see the module), an
    /// exact value as itself; `None` when the integer part does not fit a `Decimal`.
    pub fn desimal(&self) -> Option<Decimal> {
        if self.p.is_zero() {
            return Some(Decimal::ZERO);
        }
        let a = self.p.abs();
        let bulat = &a / &self.q;
        let digit_bulat = if bulat.is_zero() {
            0
        } else {
            bulat.to_string().len() as u32
        };
        let skala = DIGIT.saturating_sub(digit_bulat);
        let (m, sisa) = (a * BigInt::from(10).pow(skala)).div_rem(&self.q);
        jadikan_desimal(self.p.is_negative(), m.to_u128()?, sisa.is_zero(), skala)
    }
}

/// `m / 10^skala` with its sign, `m` being the value cut at `skala` places: made odd when
/// anything was cut (`tepat` false), normalized when nothing was. `None` past 2^96 - 1 (a
/// 29-digit integer part near the top of `Decimal`'s range).
fn jadikan_desimal(negatif: bool, m: u128, tepat: bool, skala: u32) -> Option<Decimal> {
    let mut m = i128::try_from(m).ok()?;
    if !tepat && m % 2 == 0 {
        m += 1;
    }
    let m = if negatif { -m } else { m };
    let d = Decimal::try_from_i128_with_scale(m, skala).ok()?;
    Some(if tepat { d.normalize() } else { d })
}

impl PartialEq for Rasional {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Rasional {}

impl PartialOrd for Rasional {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Rasional {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.p * &other.q).cmp(&(&other.p * &self.q))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::angka::bulatkan;
    use rust_decimal_macros::dec;

    fn pecahan(a: Decimal, b: Decimal) -> Rasional {
        Pecahan::new(a, b).unwrap().rasional()
    }

    #[test]
    fn cut_thirds_sum_below_the_midpoint_exact_ones_reach_it() {
        // 100/3 + 500/6 + 66791/600 = 20000/600 + 50000/600 + 66791/600 = 136791/600 = 227,985.
        let jumlah = pecahan(dec!(100), dec!(3))
            .tambah(&pecahan(dec!(500), dec!(6)))
            .tambah(&pecahan(dec!(66791), dec!(600)));
        assert_eq!(jumlah.desimal(), Some(dec!(227.985)));
        // Divided by 3: 75,995 exactly, which rounds half away from zero to 76,00.
        let rata = jumlah.bagi(3).desimal().unwrap();
        assert_eq!(rata, dec!(75.995));
        assert_eq!(bulatkan(rata, 2), dec!(76.00));
        // The cut quotients of a 28-digit Decimal sum to less, and round down: the bug this
        // module exists for.
        let cut = dec!(100) / dec!(3) + dec!(500) / dec!(6) + dec!(66791) / dec!(600);
        assert_eq!(bulatkan(cut / dec!(3), 2), dec!(75.99));
    }

    #[test]
    fn an_inexact_value_ends_in_an_odd_digit_and_keeps_its_side_of_every_midpoint() {
        // 1/3 = 0,333...: 28 threes (odd already).
        let d = pecahan(dec!(1), dec!(3)).desimal().unwrap();
        assert_eq!(d, dec!(0.3333333333333333333333333333));
        // 2/3 = 0,666...: cut to 28 sixes; something was cut and the last 6 is even, so it
        // becomes 7.
        let d = pecahan(dec!(2), dec!(3)).desimal().unwrap();
        assert_eq!(d, dec!(0.6666666666666666666666666667));
        // Just below a midpoint: 0,0049999... (1/200 - 1/10^30) stays below 0,005 and rounds
        // to 0,00; 1/200 itself is exact and rounds to 0,01.
        let hampir = Rasional::baru(BigInt::from(10).pow(28) * 5 - 1, BigInt::from(10).pow(31));
        assert_eq!(bulatkan(hampir.desimal().unwrap(), 2), dec!(0.00));
        assert_eq!(
            bulatkan(Rasional::desimal_ke(dec!(0.005)).desimal().unwrap(), 2),
            dec!(0.01)
        );
        // Negative values mirror: -2/3.
        let d = pecahan(dec!(-2), dec!(3)).desimal().unwrap();
        assert_eq!(d, dec!(-0.6666666666666666666666666667));
    }

    proptest::proptest! {
        /// The 128-bit path and the big-integer path give the same Decimal, for quotients of
        /// bounded numbers (the 128-bit path's ground) and of any Decimals.
        #[test]
        fn both_paths_agree(
            a in -10_000_000_000_000i64..10_000_000_000_000,
            sa in 0u32..=8,
            b in -10_000_000_000_000i64..10_000_000_000_000,
            sb in 0u32..=8,
            x in crate::uji::decimal_apa_saja(),
            y in crate::uji::decimal_apa_saja(),
        ) {
            for (a, b) in [(Decimal::new(a, sa), Decimal::new(b, sb)), (x, y)] {
                if let Some(p) = Pecahan::new(a, b)
                    && let Some(cepat) = p.desimal_i128()
                {
                    proptest::prop_assert_eq!(Some(cepat), p.rasional().desimal());
                }
            }
        }
    }

    #[test]
    fn the_range_of_decimal_is_the_limit() {
        let besar = Rasional::desimal_ke(dec!(60000000000000000000000000000));
        assert_eq!(
            besar.tambah(&besar).bagi(2).desimal(),
            Some(dec!(60000000000000000000000000000))
        );
        let terlalu = besar.tambah(&besar);
        assert_eq!(terlalu.desimal(), None);
        assert!(Pecahan::new(dec!(1), dec!(0)).is_none());
        // The denominator's sign moves to the numerator.
        assert!(Pecahan::new(dec!(1), dec!(-2)).unwrap().negatif());
    }
}
