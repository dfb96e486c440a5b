//! Measurement: realisasi per period and the figures they are compared with.

use crate::id::*;
use crate::nilai::Nilai;
use crate::waktu::{Periode, Tahun};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Realisasi {
    pub indikator: IndikatorId,
    pub tahun: Tahun,
    #[serde(default)]
    pub periode: Periode,
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// A figure to compare against: national, provincial, another region's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pembanding {
    pub indikator: IndikatorId,
    pub tahun: Tahun,
    /// `nasional`, `provinsi`, `kabupaten`...
    pub lingkup: String,
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}
