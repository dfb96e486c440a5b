//! Data elements and formula indicators, after DHIS2: raw counts entered per instansi, year and
//! period (`NilaiData`), and an indicator defined by a numerator and a denominator over them
//! with a factor (`#{desa_tepat_waktu} / #{jumlah_desa} x 100`). The computation is
//! `crate::rumus`; the expression language is `crate::ekspresi` (the reviu's rules share it).

use crate::ekspresi::{Ekspresi, GalatEkspresi, StrategiKosong};
use crate::id::*;
use crate::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A raw figure that formulas refer to by its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataElemen {
    pub id: DataElemenId,
    pub uraian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// One data element's value for an instansi, year and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NilaiData {
    pub elemen: DataElemenId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    #[serde(default)]
    pub periode: Periode,
    #[serde(with = "crate::serde_angka::desimal")]
    #[schemars(with = "String")]
    pub nilai: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// An expression over data elements, kept as written and parsed when read: a formula that does
/// not parse is refused where it is read, with the position.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EkspresiData {
    teks: String,
    pohon: Ekspresi,
}

impl EkspresiData {
    pub fn parse(teks: &str) -> Result<EkspresiData, GalatEkspresi> {
        Ok(EkspresiData {
            teks: teks.trim().to_string(),
            pohon: Ekspresi::parse(teks)?,
        })
    }
    pub fn teks(&self) -> &str {
        &self.teks
    }
    pub fn ekspresi(&self) -> &Ekspresi {
        &self.pohon
    }
    /// The data elements referred to, each once, in order of appearance.
    pub fn rujukan(&self) -> Vec<&str> {
        let mut v = self.pohon.rujukan();
        let mut terlihat = std::collections::HashSet::new();
        v.retain(|n| terlihat.insert(*n));
        v
    }
    /// Whether the expression is more than one term (printed in parentheses inside a quotient).
    fn majemuk(&self) -> bool {
        !matches!(self.pohon, Ekspresi::Angka(_) | Ekspresi::Data(_))
    }
}

impl PartialEq for EkspresiData {
    fn eq(&self, o: &Self) -> bool {
        self.teks == o.teks
    }
}

impl TryFrom<String> for EkspresiData {
    type Error = GalatEkspresi;
    fn try_from(s: String) -> Result<Self, GalatEkspresi> {
        EkspresiData::parse(&s)
    }
}
impl From<EkspresiData> for String {
    fn from(e: EkspresiData) -> String {
        e.teks
    }
}
impl JsonSchema for EkspresiData {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("EkspresiData")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "ekspresi atas data elemen: #{nama}, angka, + - * /, kurung, abs/min/max",
            "maxLength": crate::ekspresi::PANJANG_MAKS
        })
    }
}

/// How a formula indicator's realisasi is computed: `pembilang / penyebut x pengali`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rumus {
    pub pembilang: EkspresiData,
    /// Absent: the numerator alone (a count), times the factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penyebut: Option<EkspresiData>,
    /// The factor (100 for a percentage); 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::desimal_opsi")]
    #[schemars(with = "Option<String>")]
    pub pengali: Option<Decimal>,
    /// What a missing data element does (default: the realisasi is not available).
    #[serde(default, skip_serializing_if = "bawaan_kosong")]
    pub kosong: StrategiKosong,
}

fn bawaan_kosong(k: &StrategiKosong) -> bool {
    *k == StrategiKosong::default()
}

impl Rumus {
    /// Every data element referred to, each once: numerator's first.
    pub fn rujukan(&self) -> Vec<&str> {
        let mut v = self.pembilang.rujukan();
        if let Some(p) = &self.penyebut {
            for n in p.rujukan() {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
        v
    }
    pub fn pengali(&self) -> Decimal {
        self.pengali.unwrap_or(Decimal::ONE)
    }
}

/// The formula as the IKU table and the report print it: `#{a} / #{b} x 100`.
impl fmt::Display for Rumus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bagian = |e: &EkspresiData, kurung: bool| {
            if kurung && e.majemuk() {
                format!("({})", e.teks())
            } else {
                e.teks().to_string()
            }
        };
        let ada_penyebut = self.penyebut.is_some();
        let ada_pengali = self.pengali.is_some_and(|p| p != Decimal::ONE);
        f.write_str(&bagian(&self.pembilang, ada_penyebut || ada_pengali))?;
        if let Some(p) = &self.penyebut {
            write!(f, " / {}", bagian(p, true))?;
        }
        if ada_pengali {
            write!(
                f,
                " x {}",
                crate::serde_angka::teks(self.pengali().normalize())
            )?;
        }
        Ok(())
    }
}
