//! Money. A `Rupiah` is exact: a decimal with at most two places (sen). Never `f64`.

use crate::angka::{BATAS_ANGKA, BATAS_ANGKA_TEKS};
use rust_decimal::Decimal;

/// An exact amount of rupiah, at most two decimal places (sen). May be negative (corrections);
/// plausibility of a negative amount is a reviu question, not a type error.
/// Serialized as Indonesian text in the data file (see `serde_angka`).
///
/// An amount from outside (`new`, `angka::parse_rupiah`, the data file) is at most
/// Rp 1.000.000.000.000.000 in magnitude (`angka::BATAS_ANGKA`: what both databases hold, see
/// `angka`). A total of many amounts may exceed it; the core takes totals with
/// [`Rupiah::checked_add`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rupiah(Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatRupiah {
    #[error("jumlah rupiah {0} memiliki lebih dari dua angka desimal (sen)")]
    TerlaluBanyakDesimal(Decimal),
    #[error("jumlah rupiah {0} melebihi batas {BATAS_ANGKA_TEKS}")]
    MelebihiBatas(Decimal),
}

impl Rupiah {
    pub const NOL: Rupiah = Rupiah(Decimal::ZERO);

    pub fn new(nilai: Decimal) -> Result<Rupiah, GalatRupiah> {
        if nilai.abs() > BATAS_ANGKA {
            return Err(GalatRupiah::MelebihiBatas(nilai));
        }
        let n = nilai.normalize();
        if n.scale() > 2 {
            return Err(GalatRupiah::TerlaluBanyakDesimal(nilai));
        }
        Ok(Rupiah(n))
    }

    /// Whole rupiah, for tests and literals in code (never for input: that goes through `new`).
    pub fn utuh(rupiah: i64) -> Rupiah {
        Rupiah(Decimal::from(rupiah))
    }

    /// Any amount, bounds aside: for tests of what no door lets in.
    #[cfg(test)]
    pub(crate) fn tanpa_batas(nilai: Decimal) -> Rupiah {
        Rupiah(nilai)
    }

    /// The sum, or `None` past `Decimal`'s range (7,9·10^28: more than 7·10^13 amounts at the
    /// bound), so that a total over any number of lines is never a panic.
    pub fn checked_add(self, o: Rupiah) -> Option<Rupiah> {
        // Sum of two values with scale <= 2 has scale <= 2.
        self.0.checked_add(o.0).map(Rupiah)
    }

    pub fn nilai(self) -> Decimal {
        self.0
    }

    pub fn is_negatif(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl TryFrom<Decimal> for Rupiah {
    type Error = GalatRupiah;
    fn try_from(d: Decimal) -> Result<Self, Self::Error> {
        Rupiah::new(d)
    }
}

impl From<Rupiah> for Decimal {
    fn from(r: Rupiah) -> Decimal {
        r.0
    }
}

/// For a handful of amounts (a document's few lines): two amounts within the bound sum to at most
/// 2·10^15, and overflow needs more than 7·10^13 of them. Totals over data use `checked_add`.
impl std::ops::Add for Rupiah {
    type Output = Rupiah;
    fn add(self, o: Rupiah) -> Rupiah {
        Rupiah(self.0 + o.0)
    }
}

impl std::ops::Sub for Rupiah {
    type Output = Rupiah;
    fn sub(self, o: Rupiah) -> Rupiah {
        Rupiah(self.0 - o.0)
    }
}

impl std::iter::Sum for Rupiah {
    fn sum<I: Iterator<Item = Rupiah>>(iter: I) -> Rupiah {
        iter.fold(Rupiah::NOL, |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Rupiah> for Rupiah {
    fn sum<I: Iterator<Item = &'a Rupiah>>(iter: I) -> Rupiah {
        iter.copied().sum()
    }
}

impl std::fmt::Display for Rupiah {
    /// Indonesian notation as the reports print it: `Rp 400.000.000,00`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::angka::format_rupiah(*self))
    }
}
