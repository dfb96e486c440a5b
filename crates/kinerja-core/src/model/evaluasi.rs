//! Evaluasi AKIP (PermenPANRB 88/2021): the answers to an LKE worksheet's criteria, stored with
//! the instansi's data so the file, the stores, the audit trail and the import carry them. The
//! worksheet itself (components, weights, scales) and the scoring live in `kinerja-evaluasi`;
//! here an answer is the code written (`"BB"`, `"Y"`), checked against its scale there.

use crate::model::StatusTindakLanjut;
use crate::waktu::Tahun;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The answers to one criterion of one year's evaluation: the OPD's self-assessment and the
/// evaluator's (the one scored), each with its note and evidence. Keyed by (tahun, kriteria).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JawabanEvaluasi {
    pub tahun: Tahun,
    /// The criterion's id in the worksheet (`1.a.3`).
    pub kriteria: String,
    /// The OPD's self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opd: Option<Penilaian>,
    /// The evaluator's answer: the one scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluator: Option<Penilaian>,
    /// The evaluator's recommendation on this criterion, followed up the next year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rekomendasi: Option<String>,
    /// How the recommendation was followed up (filled in the next year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tindak_lanjut: Option<TindakLanjut>,
}

/// One party's answer to a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Penilaian {
    /// The answer's code on the criterion's scale (`"BB"`, `"Y"`, `"A"`).
    pub jawaban: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
    /// Bukti dukung.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bukti: Vec<Bukti>,
    /// The answer the system proposed from the data when this one was given; kept beside an
    /// answer that overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usulan: Option<String>,
}

/// Evidence for an answer: a document the system holds, or an uploaded file by name and digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bukti {
    /// A record of the data, as `tabel/id` (`renstra/renstra-2016`, `perjanjian_kinerja/pk-2020`,
    /// `laporan/lkjip-2020`).
    Dokumen(String),
    /// An uploaded file: its name and SHA-256 (64 hexadecimal digits).
    Berkas { nama: String, sha256: String },
}

/// The follow-up of a recommendation: the same [`StatusTindakLanjut`](super::StatusTindakLanjut)
/// as an SKM action's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TindakLanjut {
    pub status: StatusTindakLanjut,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uraian: Option<String>,
}
