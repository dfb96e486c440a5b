//! Serde for numbers in the data file: written the Indonesian way as text (`"1.674.830.966,58"`,
//! `"70,89"`), or as a TOML/JSON integer. A float is refused: `70.89` in a file could be an
//! English decimal or a mistyped thousands group, and money must never pass through `f64`.
//!
//! Every number read here is within the bounds of `angka` (at most 10^15 in magnitude, at most 6
//! decimals, money 2), whether written as text or as an integer.

use crate::angka::{GalatAngka, dalam_batas, format_angka, parse_angka, parse_rupiah};
use crate::uang::Rupiah;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

struct DesimalVisitor;

/// An integer of the file, within the bounds; the message quotes it as written.
fn bulat<E: de::Error>(d: Decimal, ditulis: impl fmt::Display) -> Result<Decimal, E> {
    dalam_batas(d).map_err(|e| {
        E::custom(GalatAngka {
            teks: ditulis.to_string(),
            ..e
        })
    })
}

impl Visitor<'_> for DesimalVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "angka sebagai teks bercara Indonesia (\"1.674.830.966,58\") atau bilangan bulat",
        )
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_angka(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        bulat(Decimal::from(v), v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        bulat(Decimal::from(v), v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format!(
            "angka pecahan {v} ditulis tanpa tanda kutip: tulis sebagai teks dengan koma desimal, misalnya \"{}\"",
            v.to_string().replace('.', ",")
        )))
    }
}

/// Exact text of a decimal: its own scale, no rounding.
pub fn teks(d: Decimal) -> String {
    format_angka(d, d.scale())
}

/// A decimal as Indonesian text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Angka(pub Decimal);

impl Serialize for Angka {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&teks(self.0))
    }
}
impl<'de> Deserialize<'de> for Angka {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DesimalVisitor).map(Angka)
    }
}

pub mod desimal {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        Angka(*d).serialize(s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        Angka::deserialize(d).map(|a| a.0)
    }
}

pub mod desimal_opsi {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        d.map(Angka).serialize(s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Option::<Angka>::deserialize(d).map(|o| o.map(|a| a.0))
    }
}

pub mod distribusi {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<[Decimal; 4]>, s: S) -> Result<S::Ok, S::Error> {
        d.map(|a| a.map(Angka)).serialize(s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[Decimal; 4]>, D::Error> {
        Option::<[Angka; 4]>::deserialize(d).map(|o| o.map(|a| a.map(|x| x.0)))
    }
}

struct RupiahVisitor;

impl Visitor<'_> for RupiahVisitor {
    type Value = Rupiah;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("jumlah rupiah sebagai teks (\"400.000.000,00\" atau \"Rp 400.000.000,00\") atau bilangan bulat")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Rupiah, E> {
        parse_rupiah(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Rupiah, E> {
        DesimalVisitor
            .visit_i64(v)
            .and_then(|d| Rupiah::new(d).map_err(E::custom))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Rupiah, E> {
        DesimalVisitor
            .visit_u64(v)
            .and_then(|d| Rupiah::new(d).map_err(E::custom))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Rupiah, E> {
        DesimalVisitor.visit_f64(v).map(|_| Rupiah::NOL)
    }
}

impl Serialize for Rupiah {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_angka(self.nilai(), 2))
    }
}
impl<'de> Deserialize<'de> for Rupiah {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RupiahVisitor)
    }
}
