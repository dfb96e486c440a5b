//! The realisasi of a formula indicator (`model::Rumus`): `pembilang / penyebut x pengali` over
//! the data elements' values, exactly (the quotient through `tepat`, so it rounds like the
//! exact value when printed).
//!
//! Missing values follow the formula's stated strategy (`StrategiKosong`, as the reviu's rules
//! do): by default a missing element makes the realisasi not available (reason `DataKosong`),
//! never 0; `lewati_jika_semua_kosong` counts the missing ones as 0 unless all are missing;
//! `tidak_pernah_lewati` counts them as 0. A denominator of 0 is not available
//! (`PenyebutNol`), whatever the numerator.
//!
//! Which values a year uses (`Indeks::realisasi_tahunan`): each element's annual value where one
//! is entered, else its quarters combined by the indicator's `cara_tahunan` (sum, last, mean,
//! maximum), element by element. So a yearly ratio of quarterly counts summed is the sum of the
//! numerators over the sum of the denominators, not a mean of four ratios.

use crate::capaian::AlasanTidakTersedia;
use crate::model::{CaraTahunan, Rumus};
use crate::tepat::Pecahan;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A formula's parts and result for one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HasilRumus {
    pub pembilang: Decimal,
    /// `None`: the formula has no denominator.
    pub penyebut: Option<Decimal>,
    pub pengali: Decimal,
    /// `pembilang x pengali / penyebut`, unrounded.
    pub nilai: Decimal,
}

/// A formula's numerator and denominator before the quotient: what a ratio of sums across
/// units adds up (`wilayah::rekap_indikator`), even where one unit's own quotient is undefined
/// (0 of 0 desa).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bagian {
    pub pembilang: Decimal,
    pub penyebut: Option<Decimal>,
}

/// The numerator and denominator of `rumus` with `data` giving each element's value
/// (`None`: missing), under the formula's missing-value strategy.
pub fn bagian(
    rumus: &Rumus,
    data: &dyn Fn(&str) -> Option<Decimal>,
) -> Result<Bagian, AlasanTidakTersedia> {
    let rujukan = rumus.rujukan();
    if rumus
        .kosong
        .lewati(rujukan.iter().map(|n| data(n).is_some()))
    {
        return Err(AlasanTidakTersedia::DataKosong);
    }
    let nol = rumus.kosong.kosong_nol();
    // `None` now: a division by 0 or an overflow inside an expression.
    let pembilang = rumus
        .pembilang
        .ekspresi()
        .nilai(data, nol)
        .ok_or(AlasanTidakTersedia::RumusTakTerdefinisi)?;
    let penyebut = match &rumus.penyebut {
        Some(p) => Some(
            p.ekspresi()
                .nilai(data, nol)
                .ok_or(AlasanTidakTersedia::RumusTakTerdefinisi)?,
        ),
        None => None,
    };
    Ok(Bagian {
        pembilang,
        penyebut,
    })
}

/// Evaluates `rumus` with `data` giving each element's value (`None`: missing).
pub fn hitung(
    rumus: &Rumus,
    data: &dyn Fn(&str) -> Option<Decimal>,
) -> Result<HasilRumus, AlasanTidakTersedia> {
    let Bagian {
        pembilang,
        penyebut,
    } = bagian(rumus, data)?;
    let pengali = rumus.pengali();
    let nilai = susun(pembilang, penyebut, pengali)?;
    Ok(HasilRumus {
        pembilang,
        penyebut,
        pengali,
        nilai,
    })
}

/// `pembilang x pengali / penyebut`, exact: the product first, one quotient.
pub fn susun(
    pembilang: Decimal,
    penyebut: Option<Decimal>,
    pengali: Decimal,
) -> Result<Decimal, AlasanTidakTersedia> {
    let atas = pembilang
        .checked_mul(pengali)
        .ok_or(AlasanTidakTersedia::MelebihiBatas)?;
    match penyebut {
        None => Ok(atas),
        Some(p) if p.is_zero() => Err(AlasanTidakTersedia::PenyebutNol),
        Some(p) => Pecahan::new(atas, p)
            .and_then(|q| q.desimal())
            .ok_or(AlasanTidakTersedia::MelebihiBatas),
    }
}

/// The elements of `rumus` without a value, in the formula's order (for messages).
pub fn kosong<'r>(rumus: &'r Rumus, data: &dyn Fn(&str) -> Option<Decimal>) -> Vec<&'r str> {
    rumus
        .rujukan()
        .into_iter()
        .filter(|n| data(n).is_none())
        .collect()
}

/// A quantity's year from its quarters in order (only those entered), by `cara`; `None` when no
/// quarter is entered. In range: at most four quarters, each within the bounds of `angka`.
pub fn gabung_triwulan(cara: CaraTahunan, tw: &[Decimal]) -> Option<Decimal> {
    let last = *tw.last()?;
    Some(match cara {
        CaraTahunan::Terakhir => last,
        CaraTahunan::Jumlah => tw.iter().sum(),
        CaraTahunan::RataRata => tw.iter().sum::<Decimal>() / Decimal::from(tw.len()),
        CaraTahunan::Maksimum => tw.iter().copied().fold(last, Decimal::max),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ekspresi::StrategiKosong;
    use crate::model::EkspresiData;
    use rust_decimal_macros::dec;

    fn rumus(p: &str, q: Option<&str>, k: Option<Decimal>) -> Rumus {
        Rumus {
            pembilang: EkspresiData::parse(p).unwrap(),
            penyebut: q.map(|q| EkspresiData::parse(q).unwrap()),
            pengali: k,
            kosong: StrategiKosong::default(),
        }
    }

    fn data<'a>(v: &'a [(&'a str, Decimal)]) -> impl Fn(&str) -> Option<Decimal> + 'a {
        move |n| v.iter().find(|(k, _)| *k == n).map(|(_, x)| *x)
    }

    #[test]
    fn seven_of_ten_desa_is_seventy_percent() {
        // 7 desa tepat waktu of 10 desa: 7 x 100 / 10 = 70 (printed 70,00 %).
        let r = rumus(
            "#{desa_tepat_waktu}",
            Some("#{jumlah_desa}"),
            Some(dec!(100)),
        );
        let h = hitung(
            &r,
            &data(&[("desa_tepat_waktu", dec!(7)), ("jumlah_desa", dec!(10))]),
        )
        .unwrap();
        assert_eq!(h.nilai, dec!(70));
        assert_eq!((h.pembilang, h.penyebut), (dec!(7), Some(dec!(10))));
        assert_eq!(
            crate::angka::format_angka(crate::angka::bulatkan(h.nilai, 2), 2),
            "70,00"
        );
        assert_eq!(r.to_string(), "#{desa_tepat_waktu} / #{jumlah_desa} x 100");
    }

    #[test]
    fn a_third_is_exact_and_rounds_like_the_exact_value() {
        // 1 x 100 / 3 = 33,333... -> 33,33; 2 x 100 / 3 = 66,666... -> 66,67.
        let r = rumus("#{a}", Some("#{b}"), Some(dec!(100)));
        let h = hitung(&r, &data(&[("a", dec!(1)), ("b", dec!(3))])).unwrap();
        assert_eq!(crate::angka::bulatkan(h.nilai, 2), dec!(33.33));
        let h = hitung(&r, &data(&[("a", dec!(2)), ("b", dec!(3))])).unwrap();
        assert_eq!(crate::angka::bulatkan(h.nilai, 2), dec!(66.67));
        // A compound numerator: (45 + 5) / 200 x 100 = 25.
        let r = rumus("#{a} + #{c}", Some("#{b}"), Some(dec!(100)));
        let h = hitung(
            &r,
            &data(&[("a", dec!(45)), ("c", dec!(5)), ("b", dec!(200))]),
        )
        .unwrap();
        assert_eq!(h.nilai, dec!(25));
        assert_eq!(r.to_string(), "(#{a} + #{c}) / #{b} x 100");
        // No denominator, no factor: the count itself.
        let r = rumus("#{a}", None, None);
        assert_eq!(
            hitung(&r, &data(&[("a", dec!(12))])).unwrap().nilai,
            dec!(12)
        );
        assert_eq!(r.to_string(), "#{a}");
    }

    #[test]
    fn a_zero_denominator_and_a_missing_element_are_not_available() {
        let r = rumus("#{a}", Some("#{b}"), Some(dec!(100)));
        // 0 desa: no percentage, not 0 %, whatever the numerator.
        assert_eq!(
            hitung(&r, &data(&[("a", dec!(0)), ("b", dec!(0))])),
            Err(AlasanTidakTersedia::PenyebutNol)
        );
        assert_eq!(
            hitung(&r, &data(&[("b", dec!(10))])),
            Err(AlasanTidakTersedia::DataKosong)
        );
        assert_eq!(kosong(&r, &data(&[("b", dec!(10))])), vec!["a"]);
        // Inside an expression: 1 / (b - 10) with b = 10.
        let r = rumus("1 / (#{b} - 10)", None, None);
        assert_eq!(
            hitung(&r, &data(&[("b", dec!(10))])),
            Err(AlasanTidakTersedia::RumusTakTerdefinisi)
        );
    }

    #[test]
    fn the_missing_value_strategy_is_the_formulas() {
        // (a + c) / b x 100 with c missing: by default not available; counting c as 0,
        // (30 + 0) / 60 x 100 = 50.
        let mut r = rumus("#{a} + #{c}", Some("#{b}"), Some(dec!(100)));
        let d = [("a", dec!(30)), ("b", dec!(60))];
        assert_eq!(hitung(&r, &data(&d)), Err(AlasanTidakTersedia::DataKosong));
        r.kosong = StrategiKosong::LewatiJikaSemuaKosong;
        assert_eq!(hitung(&r, &data(&d)).unwrap().nilai, dec!(50));
        // All missing: still not available under this strategy...
        assert_eq!(hitung(&r, &data(&[])), Err(AlasanTidakTersedia::DataKosong));
        // ...and with every missing element 0, 0 / 0: the denominator is 0.
        r.kosong = StrategiKosong::TidakPernahLewati;
        assert_eq!(
            hitung(&r, &data(&[])),
            Err(AlasanTidakTersedia::PenyebutNol)
        );
    }

    #[test]
    fn quarters_combine_by_the_indicators_rule() {
        let tw = [dec!(3), dec!(9), dec!(4)];
        // Sum 3 + 9 + 4 = 16; last 4; mean 16 / 3 = 5,33...; maximum 9.
        assert_eq!(gabung_triwulan(CaraTahunan::Jumlah, &tw), Some(dec!(16)));
        assert_eq!(gabung_triwulan(CaraTahunan::Terakhir, &tw), Some(dec!(4)));
        assert_eq!(
            gabung_triwulan(CaraTahunan::RataRata, &tw).map(|x| crate::angka::bulatkan(x, 2)),
            Some(dec!(5.33))
        );
        assert_eq!(gabung_triwulan(CaraTahunan::Maksimum, &tw), Some(dec!(9)));
        assert_eq!(gabung_triwulan(CaraTahunan::Jumlah, &[]), None);
    }
}
