//! The value of a target or a realisasi as documents write it: `85`, `100 %`, `B (80 %)`,
//! `85 (B)`, `80 - 90`, `12 bulan`, `WTP`. The text is kept as written (so a file round-trips
//! unchanged and a report can print it as the author did); the parsed form is derived from it.
//!
//! Every number in a value read here is within the bounds of `angka` (at most 10^15 in magnitude,
//! at most 6 decimals): `parse`, `angka` and the data file refuse the rest.

use crate::angka::{self, GalatAngka};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nilai {
    teks: String,
    bentuk: Bentuk,
}

/// What a value means for computation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "bentuk", rename_all = "snake_case")]
pub enum Bentuk {
    /// A number, possibly with a qualitative label beside it (`B (80 %)`: label B, number 80),
    /// possibly written with a comparison (`≤ 5`, `min. 90`: the number is a bound).
    Angka {
        nilai: Decimal,
        label: Option<String>,
        satuan: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        operator: Option<Operator>,
    },
    /// A range target `80 - 90` (bawah <= atas).
    Rentang {
        bawah: Decimal,
        atas: Decimal,
        satuan: Option<String>,
    },
    /// Qualitative with no stated numeric equivalent (`WTP`, `Ada`): capaian cannot be computed.
    Kualitatif { label: String },
}

/// The comparison a target is written with. The number is measured like any target, with the
/// indicator's polarity; the operator is kept so the value prints as written and so `validasi`
/// can warn when it contradicts the polarity (`≤ 5` for "makin tinggi makin baik").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    /// `< 5`, `kurang dari 5`
    KurangDari,
    /// `≤ 5`, `<= 5`, `maks 5`, `paling banyak 5`
    PalingBanyak,
    /// `> 90`, `lebih dari 90`
    LebihDari,
    /// `≥ 90`, `>= 90`, `min. 90`, `paling sedikit 90`
    PalingSedikit,
}

impl Operator {
    /// True when the number is an upper bound (lower is better), false for a lower bound.
    pub fn batas_atas(self) -> bool {
        matches!(self, Operator::KurangDari | Operator::PalingBanyak)
    }
    pub fn simbol(self) -> &'static str {
        match self {
            Operator::KurangDari => "<",
            Operator::PalingBanyak => "≤",
            Operator::LebihDari => ">",
            Operator::PalingSedikit => "≥",
        }
    }
}

/// The ways documents write a comparison, longest first so that `<=` is not read as `<` and
/// `tidak lebih dari` not as `lebih dari`. Words match without regard to case.
const OPERATOR: [(&str, Operator); 31] = [
    ("sekurang-kurangnya", Operator::PalingSedikit),
    ("sebanyak-banyaknya", Operator::PalingBanyak),
    ("tidak kurang dari", Operator::PalingSedikit),
    ("tidak lebih dari", Operator::PalingBanyak),
    ("paling sedikit", Operator::PalingSedikit),
    ("paling banyak", Operator::PalingBanyak),
    ("paling rendah", Operator::PalingSedikit),
    ("paling tinggi", Operator::PalingBanyak),
    ("kurang dari", Operator::KurangDari),
    ("lebih dari", Operator::LebihDari),
    ("maksimal", Operator::PalingBanyak),
    ("maksimum", Operator::PalingBanyak),
    ("minimal", Operator::PalingSedikit),
    ("minimum", Operator::PalingSedikit),
    ("maks.", Operator::PalingBanyak),
    ("max.", Operator::PalingBanyak),
    ("min.", Operator::PalingSedikit),
    ("maks", Operator::PalingBanyak),
    ("max", Operator::PalingBanyak),
    ("min", Operator::PalingSedikit),
    ("<=", Operator::PalingBanyak),
    ("=<", Operator::PalingBanyak),
    (">=", Operator::PalingSedikit),
    ("=>", Operator::PalingSedikit),
    ("≤", Operator::PalingBanyak),
    ("⩽", Operator::PalingBanyak),
    ("≥", Operator::PalingSedikit),
    ("⩾", Operator::PalingSedikit),
    ("<", Operator::KurangDari),
    (">", Operator::LebihDari),
    ("≦", Operator::PalingBanyak),
];

/// `("≤", " 5")` from `≤ 5`: the operator a text starts with and the rest.
fn pisah_operator(t: &str) -> Option<(Operator, &str)> {
    OPERATOR.iter().find_map(|(teks, op)| {
        let awal = t.get(..teks.len())?;
        awal.eq_ignore_ascii_case(teks)
            .then(|| (*op, &t[teks.len()..]))
    })
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatNilai {
    #[error("nilai kosong")]
    Kosong,
    #[error("nilai \"{teks}\": {sumber}")]
    Angka { teks: String, sumber: GalatAngka },
    #[error("rentang \"{0}\" tidak sah: batas bawah lebih besar dari batas atas")]
    RentangTerbalik(String),
    #[error("nilai terlalu panjang: {0} karakter, paling banyak {PANJANG_MAKS}")]
    TerlaluPanjang(usize),
}

/// The longest text a target or realisasi may be. The longest in the seed is 28 characters;
/// a qualitative value is a short label ("WTP", "B (80 %)"), not a note (notes have their
/// own field).
pub const PANJANG_MAKS: usize = 200;

fn bersihkan_satuan(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

/// Splits "70,89 %" / "12 bulan" / "Rp 43.600.000,00" into number and unit. Returns Ok(None) when
/// the text does not start like a number at all (so the caller may try a qualitative reading),
/// and an error when it does but the number is malformed: a typo must never become a label.
fn angka_dan_satuan(s: &str) -> Result<Option<(Decimal, Option<String>)>, GalatAngka> {
    let s = s.trim();
    let (s, rp) = match s
        .strip_prefix("Rp.")
        .or_else(|| s.strip_prefix("Rp"))
        .or_else(|| s.strip_prefix("RP"))
    {
        Some(rest) => (rest.trim_start(), true),
        None => (s, false),
    };
    let first = s.chars().next();
    if !first.is_some_and(|c| c.is_ascii_digit() || c == '-') {
        return Ok(None);
    }
    if first == Some('-') && !s[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    // The number runs while characters can belong to a number; the rest is the unit.
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && c == '-')))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(end);
    let nilai = angka::parse_angka(num)?;
    let mut satuan = bersihkan_satuan(rest);
    if rp {
        satuan = Some("Rp".to_string());
    }
    Ok(Some((nilai, satuan)))
}

impl Nilai {
    pub fn parse(teks: &str) -> Result<Nilai, GalatNilai> {
        let t = teks.trim();
        if t.is_empty() {
            return Err(GalatNilai::Kosong);
        }
        let panjang = t.chars().count();
        if panjang > PANJANG_MAKS {
            return Err(GalatNilai::TerlaluPanjang(panjang));
        }
        let bentuk = Self::baca(t).map_err(|sumber| GalatNilai::Angka {
            teks: t.to_string(),
            sumber,
        })?;
        if let Bentuk::Rentang { bawah, atas, .. } = &bentuk
            && bawah > atas
        {
            return Err(GalatNilai::RentangTerbalik(t.to_string()));
        }
        Ok(Nilai {
            teks: t.to_string(),
            bentuk,
        })
    }

    fn baca(t: &str) -> Result<Bentuk, GalatAngka> {
        // "≤ 5", "min. 90 %": a comparison, then a number (a word like "Minggu" that starts like
        // one is not followed by a number and reads on below).
        if let Some((op, sisa)) = pisah_operator(t)
            && sisa
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-')
            && let Bentuk::Angka {
                nilai,
                label,
                satuan,
                operator: None,
            } = Self::baca(sisa.trim())?
        {
            return Ok(Bentuk::Angka {
                nilai,
                label,
                satuan,
                operator: Some(op),
            });
        }
        // "B (80 %)": label, then the numeric equivalent in parentheses.
        if let Some(open) = t.find('(')
            && t.ends_with(')')
        {
            let luar = t[..open].trim();
            let dalam = &t[open + 1..t.len() - 1];
            if let Some((nilai, satuan)) = angka_dan_satuan(dalam)? {
                return Ok(Bentuk::Angka {
                    nilai,
                    label: bersihkan_satuan(luar),
                    satuan,
                    operator: None,
                });
            }
            // "85 (B)": the number first, the label in parentheses.
            if let Some((nilai, satuan)) = angka_dan_satuan(luar)? {
                return Ok(Bentuk::Angka {
                    nilai,
                    label: bersihkan_satuan(dalam),
                    satuan,
                    operator: None,
                });
            }
            return Ok(Bentuk::Kualitatif {
                label: t.to_string(),
            });
        }
        // "80 - 90 %": a range. A leading '-' is a sign, so look for a dash after the first char
        // (a char, not a byte: the text may start with any letter).
        let pertama = t.chars().next().map_or(0, char::len_utf8);
        if let Some(pos) = t[pertama..].find(['-', '–']).map(|p| p + pertama) {
            let (a, b) = t.split_at(pos);
            let b = b.trim_start_matches(['-', '–']);
            if let (Some((bawah, _)), Some((atas, satuan))) =
                (angka_dan_satuan(a)?, angka_dan_satuan(b)?)
            {
                return Ok(Bentuk::Rentang {
                    bawah,
                    atas,
                    satuan,
                });
            }
        }
        if let Some((nilai, satuan)) = angka_dan_satuan(t)? {
            return Ok(Bentuk::Angka {
                nilai,
                label: None,
                satuan,
                operator: None,
            });
        }
        // "B 75,79": a one-word label, then the number.
        if let Some((label, rest)) = t.split_once(char::is_whitespace)
            && let Some((nilai, satuan)) = angka_dan_satuan(rest)?
        {
            return Ok(Bentuk::Angka {
                nilai,
                label: Some(label.to_string()),
                satuan,
                operator: None,
            });
        }
        Ok(Bentuk::Kualitatif {
            label: t.to_string(),
        })
    }

    /// A plain number, printed the Indonesian way with the number's own precision; refused past
    /// the bounds of `angka`.
    pub fn angka(n: Decimal) -> Result<Nilai, GalatNilai> {
        angka::dalam_batas(n)
            .map(Nilai::hasil)
            .map_err(|sumber| GalatNilai::Angka {
                teks: sumber.teks.clone(),
                sumber,
            })
    }

    /// A number the core computed (a sum or mean of quarters), printed with its own precision.
    pub(crate) fn hasil(n: Decimal) -> Nilai {
        let n = n.normalize();
        Nilai {
            teks: angka::format_angka(n, n.scale()),
            bentuk: Bentuk::Angka {
                nilai: n,
                label: None,
                satuan: None,
                operator: None,
            },
        }
    }

    /// A computed number: exact for computation, printed rounded to `desimal` places.
    pub(crate) fn dihitung(n: Decimal, desimal: u32) -> Nilai {
        Nilai {
            teks: angka::format_angka(n, desimal),
            bentuk: Bentuk::Angka {
                nilai: n,
                label: None,
                satuan: None,
                operator: None,
            },
        }
    }

    pub fn teks(&self) -> &str {
        &self.teks
    }
    pub fn bentuk(&self) -> &Bentuk {
        &self.bentuk
    }
    /// The number used in computation: the value itself or its stated equivalent.
    pub fn angka_setara(&self) -> Option<Decimal> {
        match &self.bentuk {
            Bentuk::Angka { nilai, .. } => Some(*nilai),
            _ => None,
        }
    }
    /// The comparison the value is written with, if any.
    pub fn operator(&self) -> Option<Operator> {
        match &self.bentuk {
            Bentuk::Angka { operator, .. } => *operator,
            _ => None,
        }
    }
    pub fn is_rentang(&self) -> bool {
        matches!(self.bentuk, Bentuk::Rentang { .. })
    }
}

impl fmt::Display for Nilai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks)
    }
}

impl Serialize for Nilai {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.teks)
    }
}
impl<'de> Deserialize<'de> for Nilai {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Nilai::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn angka(t: &str) -> (Decimal, Option<String>, Option<String>) {
        match Nilai::parse(t).unwrap().bentuk {
            Bentuk::Angka {
                nilai,
                label,
                satuan,
                operator: None,
            } => (nilai, label, satuan),
            b => panic!("{t}: {b:?}"),
        }
    }

    #[test]
    fn a_value_is_at_most_200_characters_counted_as_characters_not_bytes() {
        // 200 "é" are 400 bytes and still one allowed value; 201 characters of any kind are not.
        assert!(Nilai::parse(&"é".repeat(200)).is_ok());
        for t in [
            "x".repeat(201),
            "é".repeat(201),
            format!("1{}", "0".repeat(200)),
        ] {
            assert!(
                matches!(Nilai::parse(&t), Err(GalatNilai::TerlaluPanjang(201))),
                "{} characters",
                t.chars().count()
            );
        }
        // Spaces around the value are not part of it.
        assert!(Nilai::parse(&format!("  {}  ", "x".repeat(200))).is_ok());
    }

    #[test]
    fn seed_forms_are_read() {
        assert_eq!(
            angka("B (80 %)"),
            (dec!(80), Some("B".into()), Some("%".into()))
        );
        assert_eq!(
            angka("B (70,89 %)"),
            (dec!(70.89), Some("B".into()), Some("%".into()))
        );
        assert_eq!(angka("85 (B)"), (dec!(85), Some("B".into()), None));
        assert_eq!(angka("86,90 %"), (dec!(86.90), None, Some("%".into())));
        assert_eq!(angka("100%"), (dec!(100), None, Some("%".into())));
        assert_eq!(angka("B 75,79"), (dec!(75.79), Some("B".into()), None));
        assert_eq!(angka("12 BULAN"), (dec!(12), None, Some("BULAN".into())));
        assert_eq!(
            angka("Rp 43.600.000,00"),
            (dec!(43600000), None, Some("Rp".into()))
        );
    }

    #[test]
    fn ranges_and_qualitative_values() {
        assert_eq!(
            Nilai::parse("80 - 90 %").unwrap().bentuk,
            Bentuk::Rentang {
                bawah: dec!(80),
                atas: dec!(90),
                satuan: Some("%".into())
            }
        );
        assert!(matches!(
            Nilai::parse("90-80"),
            Err(GalatNilai::RentangTerbalik(_))
        ));
        assert_eq!(
            Nilai::parse("WTP").unwrap().bentuk,
            Bentuk::Kualitatif {
                label: "WTP".into()
            }
        );
        assert_eq!(Nilai::parse("-5").unwrap().angka_setara(), Some(dec!(-5)));
    }

    #[test]
    fn a_malformed_number_is_an_error_not_a_label() {
        let e = Nilai::parse("210.000,000,00").unwrap_err().to_string();
        assert!(e.contains("210.000,000,00"), "{e}");
        assert!(Nilai::parse("B (70.89 %)").is_err());
        assert!(matches!(Nilai::parse("  "), Err(GalatNilai::Kosong)));
    }

    #[test]
    fn a_target_written_with_a_comparison_keeps_it() {
        let baca = |t: &str| {
            let n = Nilai::parse(t).unwrap();
            match n.bentuk() {
                Bentuk::Angka {
                    nilai,
                    label: None,
                    satuan,
                    operator: Some(op),
                } => (*nilai, satuan.clone(), *op, n.teks().to_string()),
                b => panic!("{t}: {b:?}"),
            }
        };
        assert_eq!(
            baca("< 5"),
            (dec!(5), None, Operator::KurangDari, "< 5".into())
        );
        assert_eq!(baca("≤ 5").2, Operator::PalingBanyak);
        assert_eq!(baca("<=5").2, Operator::PalingBanyak);
        assert_eq!(baca("maks 5").2, Operator::PalingBanyak);
        assert_eq!(baca("Maks. 5").2, Operator::PalingBanyak);
        assert_eq!(baca(">= 90").2, Operator::PalingSedikit);
        assert_eq!(baca("≥ 90").2, Operator::PalingSedikit);
        assert_eq!(baca("> 90").2, Operator::LebihDari);
        assert_eq!(
            baca("min. 90 %"),
            (
                dec!(90),
                Some("%".into()),
                Operator::PalingSedikit,
                "min. 90 %".into()
            )
        );
        assert_eq!(baca("Minimal 3 dokumen").1, Some("dokumen".into()));
        assert_eq!(baca("paling banyak 2,5").0, dec!(2.5));
        assert_eq!(baca("≥ -2").0, dec!(-2));
        // A word that only starts like an operator is not one.
        assert_eq!(
            Nilai::parse("Minggu").unwrap().bentuk(),
            &Bentuk::Kualitatif {
                label: "Minggu".into()
            }
        );
        // A plain number has none.
        assert_eq!(Nilai::parse("5").unwrap().operator(), None);
        // A malformed number after an operator is still an error, not a label.
        assert!(Nilai::parse("≤ 2.5.5,1").is_err());
    }

    #[test]
    fn text_is_kept_as_written() {
        assert_eq!(Nilai::parse(" B (80 %) ").unwrap().teks(), "B (80 %)");
    }

    #[test]
    fn text_starting_with_a_multibyte_letter_is_read_not_a_crash() {
        // Found by schemathesis against the API: the range search sliced at byte 1.
        assert_eq!(
            Nilai::parse("±Ùç").unwrap().bentuk(),
            &Bentuk::Kualitatif {
                label: "±Ùç".into()
            }
        );
        let r = Nilai::parse("–5 – 10").unwrap_or_else(|e| panic!("{e}"));
        assert!(r.is_rentang() || matches!(r.bentuk(), Bentuk::Kualitatif { .. }));
    }

    proptest::proptest! {
        /// The core never panics on user data: any text is a value or an error.
        #[test]
        fn any_text_parses_or_is_refused(t in "\\PC{0,40}") {
            let _ = Nilai::parse(&t);
        }

        #[test]
        fn any_text_with_numbers_and_dashes_parses_or_is_refused(t in "[±Ù0-9 ,.%()–B-]{0,20}") {
            let _ = Nilai::parse(&t);
        }
    }
}
