//! Program, kegiatan and sub-kegiatan.

use crate::id::*;
use crate::uang::Rupiah;
use crate::waktu::Tahun;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Program, kegiatan and sub-kegiatan carry Permendagri 90/2019 codes where known
/// (`7.01.02`, `7.01.02.2.01`, `7.01.02.2.01.0001`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: ProgramId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    pub nama: String,
    /// The sasaran whose achievement (and budget share) this program counts toward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sasaran: Option<SasaranId>,
    /// Listed in the Renstra matrix (not only a routine budget program).
    #[serde(default)]
    pub renstra: bool,
    /// The Renstra's indicative funding per year (the matrix "Rencana Program, Kegiatan dan
    /// Pendanaan Indikatif"), at most one per year, each year within a Renstra period. The
    /// reviu sets the year's budget beside it (`PAGU-INDIKATIF-RENSTRA`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pagu_indikatif: Vec<PaguIndikatif>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// A program's indicative pagu for one year of the Renstra.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaguIndikatif {
    pub tahun: Tahun,
    pub pagu: Rupiah,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kegiatan {
    pub id: KegiatanId,
    pub program: ProgramId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    pub nama: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
    /// A transcription or editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubKegiatan {
    pub id: SubKegiatanId,
    pub kegiatan: KegiatanId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    pub nama: String,
}
