//! The pemda's pohon kinerja (performance tree): one tree per pemda and year, its nodes from the
//! pemda's strategic conditions down to an official's rencana hasil kerja, and the crosscutting
//! links between nodes of different OPDs.
//!
//! The tree lives in the pemda's data set (Bappeda keeps the cascade for the whole pemda). A
//! node is owned by an instansi (the pemda or one of its OPDs, optionally a unit of it, a
//! jabatan or an official's NIP) and links to records of its owner's plan: an RPJMD or Renstra
//! tujuan or sasaran, a program, kegiatan or sub kegiatan (`Pemilik`, the type that also says
//! whose an indicator is). Links of the pemda's own nodes resolve in the pemda's data set
//! (`validasi`); links of an OPD's nodes resolve in that OPD's data set, which the pemda reviu
//! reads beside it (`kinerja_reviu::pohon`).

use crate::id::*;
use crate::model::{Nip, Pemilik, Polaritas};
use crate::nilai::Nilai;
use crate::waktu::Tahun;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One pohon kinerja: a pemda's tree for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PohonKinerja {
    pub id: PohonId,
    /// The pemda (kabupaten, kota, provinsi) whose tree this is.
    pub instansi: InstansiId,
    pub tahun: Tahun,
    /// The tree this one was copied from (`pohon::salin`), usually the previous year's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asal: Option<PohonId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// The level of a node, from the top of the tree down. A node's level is never above its
/// parent's (`validasi`); several levels of the same kind may follow each other (a pemda's
/// tujuan and sasaran are both strategic).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TingkatSimpul {
    /// The pemda's strategic level: RPJMD tujuan and sasaran (bupati / wali kota).
    StrategisPemda,
    /// An OPD's strategic level: Renstra tujuan and sasaran (kepala OPD, eselon II).
    StrategisOpd,
    /// Tactical: programs, a bidang (eselon III).
    Taktis,
    /// Operational: kegiatan and sub kegiatan, a seksi (eselon IV).
    Operasional,
    /// An official's rencana hasil kerja (SKP).
    Individu,
}

impl TingkatSimpul {
    pub const SEMUA: [TingkatSimpul; 5] = [
        TingkatSimpul::StrategisPemda,
        TingkatSimpul::StrategisOpd,
        TingkatSimpul::Taktis,
        TingkatSimpul::Operasional,
        TingkatSimpul::Individu,
    ];
    pub fn label(self) -> &'static str {
        match self {
            TingkatSimpul::StrategisPemda => "strategis pemda",
            TingkatSimpul::StrategisOpd => "strategis OPD",
            TingkatSimpul::Taktis => "taktis",
            TingkatSimpul::Operasional => "operasional",
            TingkatSimpul::Individu => "individu",
        }
    }
}

/// Who answers for a node: an instansi (the pemda or an OPD), optionally one of its units,
/// a jabatan and an official's NIP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PemilikSimpul {
    pub instansi: InstansiId,
    /// A unit (bidang, seksi) of the instansi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<InstansiId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jabatan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<Nip>,
}

/// An indicator of a node with its target for the tree's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndikatorSimpul {
    /// The indicator's code in the tree: the same code on several nodes is the same indicator
    /// (an additive one's children add up to the parent; its satuan is the same on every level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    pub uraian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Nilai>,
    #[serde(default)]
    pub polaritas: Polaritas,
    /// The children's targets of the same code add up to this one (counts, money).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub aditif: bool,
    /// The plan indicator (RPJMD, Renstra, program...) this is, in the owner's data set: its
    /// Perjanjian Kinerja target of the year is set beside the node's (`POHON-TARGET-PK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<IndikatorId>,
    /// The year's realisasi of an indicator that is not a plan indicator (an official's rencana
    /// hasil kerja, a seksi's output): measured against `target` (`pohon::ukur`; at the
    /// individual level by PermenPANRB 8/2021). A plan indicator's realisasi is the owner's
    /// data set's, never typed here too (`validasi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realisasi: Option<Nilai>,
}

/// A node of a pohon kinerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SimpulPohon {
    pub id: SimpulId,
    pub pohon: PohonId,
    /// The parent node, in the same tree; none for the tree's roots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub induk: Option<SimpulId>,
    pub tingkat: TingkatSimpul,
    /// The statement: the condition or performance this node stands for.
    pub uraian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pemilik: Option<PemilikSimpul>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<IndikatorSimpul>,
    /// The owner's plan records this node stands for (sasaran, program, kegiatan, sub kegiatan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tautan: Vec<Pemilik>,
    /// The node of the source tree this one was copied from (`pohon::salin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asal: Option<SimpulId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// The state of a crosscutting link: proposed by the node `dari`, accepted or refused by the
/// owner of `ke`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusCrosscutting {
    #[default]
    Usulan,
    Diterima,
    /// Refused; `alasan` says why.
    Ditolak,
}

impl StatusCrosscutting {
    pub fn label(self) -> &'static str {
        match self {
            StatusCrosscutting::Usulan => "usulan",
            StatusCrosscutting::Diterima => "diterima",
            StatusCrosscutting::Ditolak => "ditolak",
        }
    }
}

/// A crosscutting link: node `dari` (one OPD's) needs node `ke` (another OPD's) to contribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Crosscutting {
    pub id: CrosscuttingId,
    pub dari: SimpulId,
    pub ke: SimpulId,
    #[serde(default)]
    pub status: StatusCrosscutting,
    /// Why it was refused (required when `status = "ditolak"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alasan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}
