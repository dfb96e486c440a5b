//! SKM as published (the computation from answers lives in `crate::skm`).

use crate::id::*;
use crate::waktu::Tahun;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveiSkm {
    pub id: SurveiId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    /// `permenpanrb-14-2017` or `kepmenpan-25-2004`.
    pub regime: String,
    /// The indicator whose realisasi this survey's index is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<IndikatorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responden: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsur: Vec<UnsurSkm>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnsurSkm {
    pub nomor: u32,
    pub nama: String,
    /// Number of respondents who answered 1..4 (from a respondents' file): exact, preferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jumlah: Option<[u64; 4]>,
    /// Percent of answers 1..4 (tidak baik, kurang baik, baik, sangat baik), as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::distribusi")]
    #[schemars(with = "Option<[String; 4]>")]
    pub distribusi: Option<[Decimal; 4]>,
}
