//! Typed identifiers. An id names one record inside one instansi's data; typing them per entity
//! makes "an indicator pointing at a program id" a compile error rather than a runtime surprise.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "id \"{0}\" tidak sah: gunakan 1-64 huruf, angka, '-', '_' atau '.', diawali huruf atau angka"
)]
pub struct GalatId(pub String);

pub(crate) fn periksa_id(s: &str) -> Result<(), GalatId> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(GalatId(s.to_string()))
    }
}

/// The smallest `{awal}{n}` (n = 1, 2, …) that `dipakai` says is free: the id of a record a
/// user adds without naming one (a form's new row, a workbook's new row).
pub fn id_bebas(awal: &str, dipakai: impl Fn(&str) -> bool) -> String {
    (1u64..)
        .map(|n| format!("{awal}{n}"))
        .find(|c| !dipakai(c))
        .unwrap_or_else(|| unreachable!("a data set holds fewer than u64::MAX ids"))
}

macro_rules! typed_id {
    ($($(#[$m:meta])* $name:ident),* $(,)?) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Result<Self, GalatId> {
                let s = s.into();
                periksa_id(&s)?;
                Ok(Self(s))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = GalatId;
            fn try_from(s: String) -> Result<Self, GalatId> {
                Self::new(s)
            }
        }
        impl From<$name> for String {
            fn from(i: $name) -> String {
                i.0
            }
        }
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
                })
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

typed_id!(
    InstansiId,
    PejabatId,
    RenstraId,
    TujuanId,
    SasaranId,
    IndikatorId,
    StrategiId,
    KebijakanId,
    ProgramId,
    KegiatanId,
    SubKegiatanId,
    RktId,
    PkId,
    IkuId,
    SurveiId,
    TindakLanjutId,
    KuesionerSkmId,
    LaporanId,
    SkalaId,
    PosAnggaranId,
    PohonId,
    SimpulId,
    CrosscuttingId,
    /// A data element (a raw count such as `jumlah_desa`), as formulas name it: `#{jumlah_desa}`.
    DataElemenId,
    /// A reorganisation (a split, merge or renaming of instansi).
    ReorganisasiId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_readable_codes_and_refuse_spaces() {
        assert!(SasaranId::new("S-1").is_ok());
        assert!(ProgramId::new("7.01.02").is_ok());
        assert!(SasaranId::new("sasaran 1").is_err());
        assert!(SasaranId::new("").is_err());
        assert!(SasaranId::new("-x").is_err());
    }
}
