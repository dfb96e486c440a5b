//! Predikat: an ordinal label read off a capaian on a scale that is data.
//!
//! Boundary rule: a scale is a list of bands, each with a lower bound that is either reached
//! (`>=`) or must be passed (`>`). A value belongs to the highest band whose lower bound it
//! reaches; the lowest band has no bound. Scales printed with integer bounds leave gaps
//! ("76-100", "55-75"): under this rule 75,5 is Cukup, because it does not reach 76.
//!
//! The value read is the capaian rounded to two decimals (half away from zero), the precision
//! every table prints, so that a printed capaian and its predikat never disagree: 75,996 prints
//! "76,00 %" and is Baik.

use crate::angka::bulatkan;
use crate::id::SkalaId;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkalaPredikat {
    pub id: SkalaId,
    pub nama: String,
    /// Bands from the highest to the lowest. Checked by `periksa`.
    pub pita: Vec<Pita>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pita {
    pub label: String,
    /// `None` only for the lowest band.
    #[serde(default, with = "crate::serde_angka::desimal_opsi")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub batas_bawah: Option<Decimal>,
    /// `true`: the bound itself belongs to this band (`>=`); `false`: values must exceed it.
    pub termasuk_batas: bool,
    /// A colour for dashboards (CSS hex); the label is always printed too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warna: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatSkala {
    #[error("skala \"{0}\" tidak memiliki pita")]
    Kosong(String),
    #[error("skala \"{0}\": hanya pita terakhir yang boleh tanpa batas bawah, dan ia wajib ada")]
    PitaTerbawah(String),
    #[error("skala \"{0}\": batas bawah pita harus menurun dari atas ke bawah")]
    TidakMenurun(String),
}

/// A predikat and the rank of its band (0 = lowest), so that order can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Predikat {
    pub label: String,
    pub peringkat: usize,
}

impl SkalaPredikat {
    pub fn periksa(&self) -> Result<(), GalatSkala> {
        let nama = || self.id.to_string();
        let Some((last, rest)) = self.pita.split_last() else {
            return Err(GalatSkala::Kosong(nama()));
        };
        if last.batas_bawah.is_some() || rest.iter().any(|p| p.batas_bawah.is_none()) {
            return Err(GalatSkala::PitaTerbawah(nama()));
        }
        for w in rest.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let (Some(x), Some(y)) = (a.batas_bawah, b.batas_bawah) else {
                unreachable!("checked above")
            };
            // Equal bounds are fine only when the upper band excludes the bound and the lower
            // one includes it (">100" above ">=100"); any other pairing leaves one band empty.
            let batas_sama_sah = b.termasuk_batas && !a.termasuk_batas;
            if x < y || (x == y && !batas_sama_sah) {
                return Err(GalatSkala::TidakMenurun(nama()));
            }
        }
        Ok(())
    }

    /// The predikat of a capaian in percent. Reads the value rounded to two decimals.
    pub fn predikat(&self, capaian: Decimal) -> Predikat {
        let v = bulatkan(capaian, 2);
        let n = self.pita.len();
        for (i, p) in self.pita.iter().enumerate() {
            let masuk = match p.batas_bawah {
                None => true,
                Some(b) if p.termasuk_batas => v >= b,
                Some(b) => v > b,
            };
            if masuk {
                return Predikat {
                    label: p.label.clone(),
                    peringkat: n - 1 - i,
                };
            }
        }
        // A checked scale always ends with an unbounded band; an unchecked one falls to its last.
        Predikat {
            label: self
                .pita
                .last()
                .map(|p| p.label.clone())
                .unwrap_or_default(),
            peringkat: 0,
        }
    }

    /// The seed's four-level scale: more than 100 % Sangat Baik; 76-100 Baik; 55-75 Cukup;
    /// less than 55 Kurang.
    pub fn lkjip_empat_tingkat() -> SkalaPredikat {
        SkalaPredikat {
            id: SkalaId::new("lkjip-4").expect("valid id"),
            nama: "Skala ordinal 4 tingkat (LKjIP)".into(),
            pita: vec![
                pita("Sangat Baik", Some(dec!(100)), false, "#1b7837"),
                pita("Baik", Some(dec!(76)), true, "#5aae61"),
                pita("Cukup", Some(dec!(55)), true, "#f1a340"),
                pita("Kurang", None, true, "#d73027"),
            ],
        }
    }

    /// Permendagri 86/2017 (evaluation of RKPD/Renstra): 91-100 Sangat Tinggi, 76-90 Tinggi,
    /// 66-75 Sedang, 51-65 Rendah, 50 or less Sangat Rendah. Above 100 stays Sangat Tinggi.
    pub fn permendagri_86_2017() -> SkalaPredikat {
        SkalaPredikat {
            id: SkalaId::new("permendagri-86-2017").expect("valid id"),
            nama: "Permendagri 86/2017 (5 tingkat)".into(),
            pita: vec![
                pita("Sangat Tinggi", Some(dec!(91)), true, "#1b7837"),
                pita("Tinggi", Some(dec!(76)), true, "#5aae61"),
                pita("Sedang", Some(dec!(66)), true, "#fee08b"),
                pita("Rendah", Some(dec!(51)), true, "#f1a340"),
                pita("Sangat Rendah", None, true, "#d73027"),
            ],
        }
    }

    pub fn bawaan() -> Vec<SkalaPredikat> {
        vec![Self::lkjip_empat_tingkat(), Self::permendagri_86_2017()]
    }
}

fn pita(label: &str, batas: Option<Decimal>, termasuk: bool, warna: &str) -> Pita {
    Pita {
        label: label.into(),
        batas_bawah: batas,
        termasuk_batas: termasuk,
        warna: Some(warna.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn label(s: &SkalaPredikat, v: Decimal) -> String {
        s.predikat(v).label
    }

    #[test]
    fn seed_scale_boundaries_on_both_sides() {
        let s = SkalaPredikat::lkjip_empat_tingkat();
        s.periksa().unwrap();
        // "Lebih dari 100 %": 100 itself is Baik, 100,01 is Sangat Baik.
        assert_eq!(label(&s, dec!(100)), "Baik");
        assert_eq!(label(&s, dec!(100.01)), "Sangat Baik");
        assert_eq!(label(&s, dec!(76)), "Baik");
        assert_eq!(label(&s, dec!(75.99)), "Cukup");
        // The gap between 75 and 76 belongs to the lower band.
        assert_eq!(label(&s, dec!(75.5)), "Cukup");
        assert_eq!(label(&s, dec!(55)), "Cukup");
        assert_eq!(label(&s, dec!(54.99)), "Kurang");
        assert_eq!(label(&s, dec!(0)), "Kurang");
    }

    #[test]
    fn seed_table_3_1_predikat() {
        let s = SkalaPredikat::lkjip_empat_tingkat();
        // 70,89 / 80 = 88,6125 %; 86,90 / 100 = 86,90 %; 90 / 100 = 90 %: all Baik, as printed.
        for v in [dec!(88.6125), dec!(86.90), dec!(90)] {
            assert_eq!(label(&s, v), "Baik");
        }
    }

    #[test]
    fn predikat_reads_the_printed_precision() {
        let s = SkalaPredikat::lkjip_empat_tingkat();
        // 75,996 prints as 76,00 %, so it must be Baik; 75,994 prints 75,99 % and is Cukup.
        assert_eq!(label(&s, dec!(75.996)), "Baik");
        assert_eq!(label(&s, dec!(75.994)), "Cukup");
        // 100,004 prints 100,00 %: Baik, not Sangat Baik.
        assert_eq!(label(&s, dec!(100.004)), "Baik");
    }

    #[test]
    fn permendagri_86_boundaries() {
        let s = SkalaPredikat::permendagri_86_2017();
        s.periksa().unwrap();
        assert_eq!(label(&s, dec!(91)), "Sangat Tinggi");
        assert_eq!(label(&s, dec!(90.99)), "Tinggi");
        assert_eq!(label(&s, dec!(76)), "Tinggi");
        assert_eq!(label(&s, dec!(75.99)), "Sedang");
        assert_eq!(label(&s, dec!(66)), "Sedang");
        assert_eq!(label(&s, dec!(65.5)), "Rendah");
        assert_eq!(label(&s, dec!(51)), "Rendah");
        assert_eq!(label(&s, dec!(50.99)), "Sangat Rendah");
        assert_eq!(label(&s, dec!(120)), "Sangat Tinggi");
    }

    #[test]
    fn malformed_scales_are_refused() {
        let mut s = SkalaPredikat::lkjip_empat_tingkat();
        s.pita.swap(0, 1);
        assert!(matches!(s.periksa(), Err(GalatSkala::TidakMenurun(_))));
        let mut s = SkalaPredikat::lkjip_empat_tingkat();
        s.pita.pop();
        assert!(matches!(s.periksa(), Err(GalatSkala::PitaTerbawah(_))));
        let s = SkalaPredikat {
            pita: vec![],
            ..SkalaPredikat::lkjip_empat_tingkat()
        };
        assert!(matches!(s.periksa(), Err(GalatSkala::Kosong(_))));
    }

    proptest! {
        #[test]
        fn predikat_never_decreases_as_capaian_grows(a in -50_000i64..50_000, d in 0i64..20_000) {
            let x = Decimal::new(a, 2);
            let y = Decimal::new(a + d, 2);
            for s in SkalaPredikat::bawaan() {
                prop_assert!(s.predikat(x).peringkat <= s.predikat(y).peringkat);
            }
        }
    }
}
