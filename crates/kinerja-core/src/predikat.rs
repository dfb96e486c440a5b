//! Predikat: an ordinal label read off a capaian on a scale that is data.
//!
//! Boundary rule: a scale is a list of bands, each with a lower bound that is either reached
//! (`>=`) or must be passed (`>`). A value belongs to the highest band whose lower bound it
//! reaches; the lowest band may have no bound. A band without an upper bound reaches up to the
//! band above it, so the built-in scales have no gaps: printed with integer bounds ("76-100",
//! "55-75") 75,5 is Cukup, because it does not reach 76.
//!
//! A band may also state its upper bound, inclusive or not, as a scale printed with both bounds
//! does. Then a value above it and below the next band's lower bound (a gap, or a boundary value
//! both neighbours exclude), above the top band's upper bound, or below the lowest band's lower
//! bound belongs to no band: its predikat is "tidak terdefinisi pada skala", never a silent
//! neighbour. `celah` lists such gaps, and overlaps, for `validasi`.
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
    /// The upper bound as printed; `None`: up to the band above (the top band: unbounded).
    #[serde(default, with = "crate::serde_angka::desimal_opsi")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub batas_atas: Option<Decimal>,
    /// `true` (the default): the upper bound belongs to this band (`<=`); `false`: `<`.
    #[serde(default = "ya", skip_serializing_if = "Clone::clone")]
    pub termasuk_batas_atas: bool,
    /// A colour for dashboards (CSS hex); the label is always printed too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warna: Option<String>,
}

fn ya() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatSkala {
    #[error("skala \"{0}\" tidak memiliki pita")]
    Kosong(String),
    #[error("skala \"{0}\": hanya pita terakhir yang boleh tanpa batas bawah")]
    PitaTerbawah(String),
    #[error("skala \"{0}\": pita \"{1}\" memiliki batas atas di bawah batas bawahnya")]
    PitaTerbalik(String, String),
    #[error("skala \"{0}\": batas bawah pita harus menurun dari atas ke bawah")]
    TidakMenurun(String),
}

/// A predikat and the rank of its band (0 = lowest), so that order can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Predikat {
    pub label: String,
    pub peringkat: usize,
    /// `false`: the value is in no band ([`TIDAK_TERDEFINISI`]); the rank is the band below.
    #[serde(skip_serializing_if = "Clone::clone")]
    pub terdefinisi: bool,
}

/// The predikat of a value that is in no band of its scale.
pub const TIDAK_TERDEFINISI: &str = "tidak terdefinisi pada skala";

/// A place where a scale with stated upper bounds leaves values without a band, or gives them
/// two. Bounds are the band's as stated; `termasuk` says whether the bound value itself is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Celah {
    /// Values between the upper bound of `bawah` and the lower bound of `atas` are in neither
    /// (a single boundary value when both bounds are equal and both bands exclude it).
    Celah {
        bawah: String,
        atas: String,
        dari: Decimal,
        sampai: Decimal,
    },
    /// Values from the lower bound of `atas` to the upper bound of `bawah` are in both (the
    /// higher band is given).
    Tumpang {
        bawah: String,
        atas: String,
        dari: Decimal,
        sampai: Decimal,
    },
    /// Above the top band's upper bound (a capaian above 100 % on a scale that ends at 100).
    DiAtasPuncak {
        pita: String,
        batas: Decimal,
        termasuk: bool,
    },
    /// Below the lowest band's lower bound (capaian is never below 0).
    DiBawahDasar {
        pita: String,
        batas: Decimal,
        termasuk: bool,
    },
}

impl Celah {
    pub fn pesan(&self) -> String {
        use crate::angka::format_angka;
        let f = |d: &Decimal| format_angka(*d, d.scale().max(2));
        match self {
            Celah::Celah {
                bawah,
                atas,
                dari,
                sampai,
            } if dari == sampai => format!(
                "nilai {} dikecualikan oleh pita \"{bawah}\" dan pita \"{atas}\": predikatnya {TIDAK_TERDEFINISI}",
                f(dari)
            ),
            Celah::Celah {
                bawah,
                atas,
                dari,
                sampai,
            } => format!(
                "celah antara pita \"{bawah}\" (sampai {}) dan pita \"{atas}\" (mulai {}): nilai di antaranya {TIDAK_TERDEFINISI}",
                f(dari),
                f(sampai)
            ),
            Celah::Tumpang {
                bawah,
                atas,
                dari,
                sampai,
            } => format!(
                "pita \"{bawah}\" dan pita \"{atas}\" tumpang tindih dari {} sampai {}; nilai di sana diberi pita \"{atas}\"",
                f(dari),
                f(sampai)
            ),
            Celah::DiAtasPuncak {
                pita,
                batas,
                termasuk,
            } => format!(
                "pita teratas \"{pita}\" berakhir pada {} ({}): capaian di atasnya {TIDAK_TERDEFINISI}",
                f(batas),
                if *termasuk {
                    "termasuk"
                } else {
                    "tidak termasuk"
                }
            ),
            Celah::DiBawahDasar {
                pita,
                batas,
                termasuk,
            } => format!(
                "pita terbawah \"{pita}\" mulai dari {} ({}): nilai di bawahnya {TIDAK_TERDEFINISI}",
                f(batas),
                if *termasuk {
                    "termasuk"
                } else {
                    "tidak termasuk"
                }
            ),
        }
    }

    /// A stable key for the reviu.
    pub fn kunci(&self) -> String {
        match self {
            Celah::Celah { bawah, atas, .. } => format!("celah/{bawah}/{atas}"),
            Celah::Tumpang { bawah, atas, .. } => format!("tumpang/{bawah}/{atas}"),
            Celah::DiAtasPuncak { pita, .. } => format!("puncak/{pita}"),
            Celah::DiBawahDasar { pita, .. } => format!("dasar/{pita}"),
        }
    }
}

impl SkalaPredikat {
    pub fn periksa(&self) -> Result<(), GalatSkala> {
        let nama = || self.id.to_string();
        let Some((_, rest)) = self.pita.split_last() else {
            return Err(GalatSkala::Kosong(nama()));
        };
        if rest.iter().any(|p| p.batas_bawah.is_none()) {
            return Err(GalatSkala::PitaTerbawah(nama()));
        }
        for p in &self.pita {
            if let (Some(b), Some(a)) = (p.batas_bawah, p.batas_atas)
                && (a < b || (a == b && !(p.termasuk_batas && p.termasuk_batas_atas)))
            {
                return Err(GalatSkala::PitaTerbalik(nama(), p.label.clone()));
            }
        }
        for w in self.pita.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let (Some(x), Some(y)) = (a.batas_bawah, b.batas_bawah) else {
                // The last band may be unbounded; `rest` holds only bounded ones.
                continue;
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
        let tidak = |peringkat| Predikat {
            label: TIDAK_TERDEFINISI.into(),
            peringkat,
            terdefinisi: false,
        };
        for (i, p) in self.pita.iter().enumerate() {
            let peringkat = n - 1 - i;
            let masuk = match p.batas_bawah {
                None => true,
                Some(b) if p.termasuk_batas => v >= b,
                Some(b) => v > b,
            };
            if !masuk {
                continue;
            }
            // The highest band whose lower bound the value reaches: if it also states an upper
            // bound the value passes, the value is above it and below every higher band.
            let di_atas = match p.batas_atas {
                None => false,
                Some(a) if p.termasuk_batas_atas => v > a,
                Some(a) => v >= a,
            };
            if di_atas {
                return tidak(peringkat);
            }
            return Predikat {
                label: p.label.clone(),
                peringkat,
                terdefinisi: true,
            };
        }
        // Below the lowest band's lower bound.
        tidak(0)
    }

    /// Gaps, overlaps and uncovered ends of a scale whose bands state upper bounds (bands
    /// without one reach the band above, so the built-in scales have none).
    pub fn celah(&self) -> Vec<Celah> {
        let mut out = Vec::new();
        if let Some(puncak) = self.pita.first()
            && let Some(batas) = puncak.batas_atas
        {
            out.push(Celah::DiAtasPuncak {
                pita: puncak.label.clone(),
                batas,
                termasuk: puncak.termasuk_batas_atas,
            });
        }
        for w in self.pita.windows(2) {
            let (atas, bawah) = (&w[0], &w[1]);
            let (Some(ub), Some(lb)) = (bawah.batas_atas, atas.batas_bawah) else {
                continue;
            };
            let nama = || (bawah.label.clone(), atas.label.clone());
            if ub < lb || (ub == lb && !bawah.termasuk_batas_atas && !atas.termasuk_batas) {
                let (bawah, atas) = nama();
                out.push(Celah::Celah {
                    bawah,
                    atas,
                    dari: ub,
                    sampai: lb,
                });
            } else if ub > lb || (bawah.termasuk_batas_atas && atas.termasuk_batas) {
                let (bawah, atas) = nama();
                out.push(Celah::Tumpang {
                    bawah,
                    atas,
                    dari: lb,
                    sampai: ub,
                });
            }
        }
        // A lowest band from 0 inclusive leaves nothing out: capaian is never below 0.
        if let Some(dasar) = self.pita.last()
            && let Some(batas) = dasar.batas_bawah
            && (batas > Decimal::ZERO || (batas.is_zero() && !dasar.termasuk_batas))
        {
            out.push(Celah::DiBawahDasar {
                pita: dasar.label.clone(),
                batas,
                termasuk: dasar.termasuk_batas,
            });
        }
        out
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
        batas_atas: None,
        termasuk_batas_atas: true,
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
        s.pita.swap(2, 3);
        assert!(matches!(s.periksa(), Err(GalatSkala::PitaTerbawah(_))));
        let mut s = SkalaPredikat::lkjip_empat_tingkat();
        s.pita[1].batas_atas = Some(dec!(70));
        assert!(matches!(s.periksa(), Err(GalatSkala::PitaTerbalik(_, _))));
        let s = SkalaPredikat {
            pita: vec![],
            ..SkalaPredikat::lkjip_empat_tingkat()
        };
        assert!(matches!(s.periksa(), Err(GalatSkala::Kosong(_))));
    }

    /// The seed's scale as printed in its Bab III table, both bounds per band: "Lebih dari 100 %"
    /// Sangat Baik, "76 - 100" Baik, "55 - 75" Cukup, "Kurang dari 55" Kurang.
    fn skala_tercetak() -> SkalaPredikat {
        let mut s = SkalaPredikat::lkjip_empat_tingkat();
        s.pita[1].batas_atas = Some(dec!(100));
        s.pita[2].batas_atas = Some(dec!(75));
        s.pita[3].batas_atas = Some(dec!(55));
        s.pita[3].termasuk_batas_atas = false;
        s
    }

    #[test]
    fn a_value_in_a_gap_of_a_printed_scale_is_undefined() {
        let s = skala_tercetak();
        s.periksa().unwrap();
        // 75 < 75,50 < 76: in neither "55 - 75" nor "76 - 100".
        let p = s.predikat(dec!(75.5));
        assert_eq!(p.label, TIDAK_TERDEFINISI);
        assert!(!p.terdefinisi);
        // The bounds themselves are in their bands; 100 is Baik, above it Sangat Baik.
        assert_eq!(label(&s, dec!(75)), "Cukup");
        assert_eq!(label(&s, dec!(76)), "Baik");
        assert_eq!(label(&s, dec!(100)), "Baik");
        assert_eq!(label(&s, dec!(100.01)), "Sangat Baik");
        // "Kurang dari 55" ends before 55, and 55 begins Cukup: no gap there.
        assert_eq!(label(&s, dec!(54.99)), "Kurang");
        assert_eq!(label(&s, dec!(55)), "Cukup");
        // Read on the printed precision: 75,996 prints 76,00 and is Baik.
        assert_eq!(label(&s, dec!(75.996)), "Baik");
        assert_eq!(
            s.celah(),
            [Celah::Celah {
                bawah: "Cukup".into(),
                atas: "Baik".into(),
                dari: dec!(75),
                sampai: dec!(76)
            }]
        );
        assert!(
            s.celah()[0].pesan().contains("75,00"),
            "{}",
            s.celah()[0].pesan()
        );
    }

    #[test]
    fn a_boundary_both_neighbours_exclude_and_a_top_that_ends_are_reported() {
        // "> 90 Sangat Tinggi (up to 100)", "76 - < 90 Tinggi", "< 76 Rendah": 90 itself is in
        // neither of the top two, and a capaian above 100 is in none.
        let mut s = SkalaPredikat::permendagri_86_2017();
        s.pita.truncate(2);
        s.pita[0].batas_bawah = Some(dec!(90));
        s.pita[0].termasuk_batas = false;
        s.pita[0].batas_atas = Some(dec!(100));
        s.pita[1].batas_bawah = None;
        s.pita[1].batas_atas = Some(dec!(90));
        s.pita[1].termasuk_batas_atas = false;
        s.periksa().unwrap();
        assert_eq!(label(&s, dec!(90)), TIDAK_TERDEFINISI);
        assert_eq!(label(&s, dec!(89.99)), "Tinggi");
        assert_eq!(label(&s, dec!(90.01)), "Sangat Tinggi");
        assert_eq!(label(&s, dec!(100)), "Sangat Tinggi");
        assert_eq!(label(&s, dec!(100.01)), TIDAK_TERDEFINISI);
        let c = s.celah();
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(matches!(&c[0], Celah::DiAtasPuncak { batas, .. } if *batas == dec!(100)));
        assert!(
            matches!(&c[1], Celah::Celah { dari, sampai, .. } if *dari == dec!(90) && *sampai == dec!(90))
        );
        assert!(c[1].pesan().contains("dikecualikan"), "{}", c[1].pesan());
    }

    #[test]
    fn overlapping_bands_and_a_lowest_band_above_zero_are_reported() {
        let mut s = skala_tercetak();
        // "55 - 80" Cukup overlaps "76 - 100" Baik from 76 to 80: the higher band is given.
        s.pita[2].batas_atas = Some(dec!(80));
        // "10 - < 55" Kurang: below 10 there is no band.
        s.pita[3].batas_bawah = Some(dec!(10));
        s.periksa().unwrap();
        assert_eq!(label(&s, dec!(78)), "Baik");
        assert_eq!(label(&s, dec!(9.99)), TIDAK_TERDEFINISI);
        let c = s.celah();
        assert!(
            matches!(&c[0], Celah::Tumpang { dari, sampai, .. } if *dari == dec!(76) && *sampai == dec!(80)),
            "{c:?}"
        );
        assert!(matches!(&c[1], Celah::DiBawahDasar { batas, .. } if *batas == dec!(10)));
        // The built-in scales have none.
        for s in SkalaPredikat::bawaan() {
            assert_eq!(s.celah(), []);
        }
    }

    /// A published scale with both bounds and integer gaps: LKjIP Inspektorat Daerah Kabupaten
    /// Sampang 2019, Tabel 3.1 "Interval Penilaian Kinerja" (as reproduced on 123dok.com,
    /// "1 91 % ≤ 100 % Sangat Baik, 2 76 % ≤ 90% Baik, 3 66 % ≤ 75 % Cukup, 4 51 % ≤ 65 %
    /// Kurang, 5 ≤ 50 % Sangat Kurang").
    #[test]
    fn a_published_scale_with_gaps_and_a_top_at_100() {
        let b = |label: &str, bawah: Option<Decimal>, atas: Decimal| Pita {
            label: label.into(),
            batas_bawah: bawah,
            termasuk_batas: true,
            batas_atas: Some(atas),
            termasuk_batas_atas: true,
            warna: None,
        };
        let s = SkalaPredikat {
            id: SkalaId::new("sampang-2019").unwrap(),
            nama: "Interval Penilaian Kinerja".into(),
            pita: vec![
                b("Sangat Baik", Some(dec!(91)), dec!(100)),
                b("Baik", Some(dec!(76)), dec!(90)),
                b("Cukup", Some(dec!(66)), dec!(75)),
                b("Kurang", Some(dec!(51)), dec!(65)),
                b("Sangat Kurang", None, dec!(50)),
            ],
        };
        s.periksa().unwrap();
        assert_eq!(label(&s, dec!(95)), "Sangat Baik");
        assert_eq!(label(&s, dec!(90)), "Baik");
        // Between the printed bands, and above 100: no band, said so.
        for v in [
            dec!(90.5),
            dec!(75.01),
            dec!(65.99),
            dec!(50.5),
            dec!(100.01),
        ] {
            assert_eq!(label(&s, v), TIDAK_TERDEFINISI, "{v}");
        }
        // 90,004 prints 90,00 and is Baik; 90,005 prints 90,01 and is in the gap.
        assert_eq!(label(&s, dec!(90.004)), "Baik");
        assert_eq!(label(&s, dec!(90.005)), TIDAK_TERDEFINISI);
        // Validation reports the top and the four gaps.
        let c = s.celah();
        assert_eq!(c.len(), 5, "{c:?}");
        assert!(matches!(c[0], Celah::DiAtasPuncak { .. }));
        assert!(c[1..].iter().all(|c| matches!(c, Celah::Celah { .. })));
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
