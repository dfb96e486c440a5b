//! Sample size (Krejcie-Morgan), as tabulated in PermenPANRB 14/2017.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// How the Krejcie-Morgan quotient becomes a whole number of respondents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PembulatanSampel {
    /// To the nearest whole number, half up: this reproduces the published Krejcie-Morgan table
    /// that the regulation prints (N=20 -> 19, N=50 -> 44, N=1.000.000 -> 384).
    #[default]
    Terdekat,
    /// Always up (never fewer respondents than the formula): N=20 -> 20, N=50 -> 45.
    Atas,
}

/// S = X² N P(1-P) / (d² (N-1) + X² P(1-P)) with X² = 3,841, P = 0,5, d = 0,05, computed exactly
/// and rounded once as `pembulatan` says. N = 0 gives 0.
pub fn ukuran_sampel(populasi: u64, pembulatan: PembulatanSampel) -> u64 {
    if populasi == 0 {
        return 0;
    }
    let x2pq = Decimal::new(3841, 3) * Decimal::new(25, 2); // 0,96025
    let d2 = Decimal::new(25, 4); // 0,0025
    let n = Decimal::from(populasi);
    let s = x2pq * n / (d2 * (n - Decimal::ONE) + x2pq);
    let s = match pembulatan {
        PembulatanSampel::Terdekat => {
            s.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        }
        PembulatanSampel::Atas => s.ceil(),
    };
    // 0 < s <= N, so it fits.
    s.to_u64().unwrap_or(populasi)
}

/// Whether the respondents are enough for the population served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KecukupanSampel {
    pub populasi: u64,
    pub minimum: u64,
    pub pembulatan: PembulatanSampel,
    /// Unknown when the input was a distribution in percent or published NRR.
    pub responden: Option<u64>,
    pub cukup: Option<bool>,
}

pub fn kecukupan_sampel(
    populasi: u64,
    responden: Option<u64>,
    pembulatan: PembulatanSampel,
) -> KecukupanSampel {
    let minimum = ukuran_sampel(populasi, pembulatan);
    KecukupanSampel {
        populasi,
        minimum,
        pembulatan,
        responden,
        cukup: responden.map(|r| r >= minimum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PembulatanSampel::*;

    #[test]
    fn krejcie_morgan_reference_points() {
        // N=100: 0,96025 x 100 / (0,0025 x 99 + 0,96025) = 96,025 / 1,20775 = 79,507 -> 80.
        assert_eq!(ukuran_sampel(100, Terdekat), 80);
        assert_eq!(ukuran_sampel(100, Atas), 80);
        // N=1000: 960,25 / (2,4975 + 0,96025) = 960,25 / 3,45775 = 277,71 -> 278.
        assert_eq!(ukuran_sampel(1000, Terdekat), 278);
        assert_eq!(ukuran_sampel(1000, Atas), 278);
    }

    #[test]
    fn nearest_reproduces_the_published_table_where_ceiling_does_not() {
        // N=20: 19,205 / 1,00775 = 19,057: table 19.
        assert_eq!(ukuran_sampel(20, Terdekat), 19);
        assert_eq!(ukuran_sampel(20, Atas), 20);
        // N=50: 48,0125 / 1,08275 = 44,343: table 44.
        assert_eq!(ukuran_sampel(50, Terdekat), 44);
        assert_eq!(ukuran_sampel(50, Atas), 45);
        // N=1.000.000: 960250 / 2500,95775 = 383,95: table 384.
        assert_eq!(ukuran_sampel(1_000_000, Terdekat), 384);
        // N -> infinity: 0,96025 / 0,0025 = 384,1: nearest stays 384, ceiling reaches 385.
        assert_eq!(ukuran_sampel(u64::MAX, Terdekat), 384);
        assert_eq!(ukuran_sampel(u64::MAX, Atas), 385);
    }

    #[test]
    fn small_populations() {
        assert_eq!(ukuran_sampel(0, Terdekat), 0);
        // N=1: 0,96025 / 0,96025 = 1.
        assert_eq!(ukuran_sampel(1, Terdekat), 1);
        // N=10: 9,6025 / 0,98275 = 9,771 -> 10.
        assert_eq!(ukuran_sampel(10, Terdekat), 10);
    }

    #[test]
    fn sufficiency() {
        let k = kecukupan_sampel(100, Some(79), Terdekat);
        assert_eq!((k.minimum, k.cukup), (80, Some(false)));
        assert_eq!(kecukupan_sampel(100, Some(80), Terdekat).cukup, Some(true));
        assert_eq!(kecukupan_sampel(100, None, Terdekat).cukup, None);
    }
}
