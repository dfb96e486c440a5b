//! Money. A `Rupiah` is exact: a decimal with at most two places (sen). Never `f64`.

use rust_decimal::Decimal;

/// An exact amount of rupiah, at most two decimal places (sen). May be negative (corrections);
/// plausibility of a negative amount is a reviu question, not a type error.
/// Serialized as Indonesian text in the data file (see `serde_angka`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rupiah(Decimal);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("jumlah rupiah {0} memiliki lebih dari dua angka desimal (sen)")]
pub struct RupiahError(pub Decimal);

impl Rupiah {
    pub const NOL: Rupiah = Rupiah(Decimal::ZERO);

    pub fn new(nilai: Decimal) -> Result<Rupiah, RupiahError> {
        let n = nilai.normalize();
        if n.scale() > 2 {
            return Err(RupiahError(nilai));
        }
        Ok(Rupiah(n))
    }

    /// Whole rupiah, for tests and literals.
    pub fn utuh(rupiah: i64) -> Rupiah {
        Rupiah(Decimal::from(rupiah))
    }

    pub fn nilai(self) -> Decimal {
        self.0
    }

    pub fn is_negatif(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl TryFrom<Decimal> for Rupiah {
    type Error = RupiahError;
    fn try_from(d: Decimal) -> Result<Self, Self::Error> {
        Rupiah::new(d)
    }
}

impl From<Rupiah> for Decimal {
    fn from(r: Rupiah) -> Decimal {
        r.0
    }
}

impl std::ops::Add for Rupiah {
    type Output = Rupiah;
    fn add(self, o: Rupiah) -> Rupiah {
        // Sum of two values with scale <= 2 has scale <= 2.
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
