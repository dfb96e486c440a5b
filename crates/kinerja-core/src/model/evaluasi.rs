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

/// Where a year's evaluation stands (PermenPANRB 88/2021 leaves the workflow to the evaluator;
/// this is the tool's): the OPD answers in `Draft` and submits (`Diajukan`), the evaluator
/// answers and closes its work (`Dievaluasi`), then finalises (`Final`): from then on the store
/// refuses every change to that year's answers, whatever the door, until an administrator
/// reopens it with a reason. A year without a row is `Draft`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusEvaluasi {
    pub tahun: Tahun,
    pub tahap: TahapEvaluasi,
    /// Why the year was last reopened (required when an administrator reopens a final year);
    /// the audit trail keeps every earlier reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alasan: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TahapEvaluasi {
    Draft,
    Diajukan,
    Dievaluasi,
    Final,
}

impl TahapEvaluasi {
    pub fn label(self) -> &'static str {
        match self {
            TahapEvaluasi::Draft => "Draf (diisi OPD)",
            TahapEvaluasi::Diajukan => "Diajukan OPD (dinilai evaluator)",
            TahapEvaluasi::Dievaluasi => "Selesai dievaluasi",
            TahapEvaluasi::Final => "Final (terkunci)",
        }
    }
}

/// The stage of `tahun`'s evaluation in `data` (`Draft` without a row).
pub fn tahap_evaluasi(data: &crate::model::DataInstansi, tahun: Tahun) -> TahapEvaluasi {
    data.status_evaluasi
        .iter()
        .find(|s| s.tahun == tahun)
        .map(|s| s.tahap)
        .unwrap_or(TahapEvaluasi::Draft)
}

/// The tables a `Bukti::Dokumen` may name, as `tabel/id`.
pub const TABEL_BUKTI: [&str; 6] = [
    "renstra",
    "rkt",
    "perjanjian_kinerja",
    "iku",
    "laporan",
    "skm",
];

/// Evidence naming a record of the data must name one that exists (`renstra/renstra-2016`);
/// `Ok` for an uploaded file. The message names what was expected.
pub fn periksa_bukti(data: &crate::model::DataInstansi, b: &Bukti) -> Result<(), String> {
    let Bukti::Dokumen(r) = b else {
        return Ok(());
    };
    let (tabel, id) = r.split_once('/').unwrap_or((r.as_str(), ""));
    let ada = match tabel {
        "renstra" => data.renstra.iter().any(|x| x.id.as_str() == id),
        "rkt" => data.rkt.iter().any(|x| x.id.as_str() == id),
        "perjanjian_kinerja" => data.perjanjian_kinerja.iter().any(|x| x.id.as_str() == id),
        "iku" => data.iku.iter().any(|x| x.id.as_str() == id),
        "laporan" => data.laporan.iter().any(|x| x.id.as_str() == id),
        "skm" => data.skm.iter().any(|x| x.id.as_str() == id),
        _ => {
            return Err(format!(
                "bukti \"{r}\": tulis tabel/id dengan tabel {}",
                TABEL_BUKTI.join(", ")
            ));
        }
    };
    if ada {
        Ok(())
    } else {
        Err(format!(
            "bukti \"{r}\": tidak ada {tabel} dengan id \"{id}\" dalam data"
        ))
    }
}
