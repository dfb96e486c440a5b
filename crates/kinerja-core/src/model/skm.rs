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
    /// The number of people the surveyed service served in the period: the population the
    /// sample's adequacy (Krejcie-Morgan) is judged against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub populasi: Option<u64>,
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

/// An instansi's own questionnaire for the 9 unsur of PermenPANRB 14/2017: the wording of each
/// question and its four answers (values 1 to 4), asked by the survey form kinerja hosts
/// instead of the annex's, and used to read the instansi's own exports (the column header and
/// labels of each question). One per instansi and layanan; without `layanan` it serves every
/// address of the instansi that has none of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KuesionerSkm {
    pub id: KuesionerSkmId,
    pub instansi: InstansiId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layanan: Option<String>,
    /// Exactly one question per unsur 1..9.
    pub pertanyaan: Vec<PertanyaanSkm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PertanyaanSkm {
    /// The unsur (1 = persyaratan ... 9 = penanganan pengaduan).
    pub nomor: u32,
    /// The question as the form asks it.
    pub teks: String,
    /// The answers for the values 1, 2, 3 and 4.
    pub label: [String; 4],
    /// The column header of the instansi's own export, when it is not the question's wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kolom: Option<String>,
}

impl UnsurSkm {
    /// A computed survey's primary data, per unsur: the answer counts (exact) or, from a
    /// per-unsur table, the distribution. An unsur that has only an NRR or a printed score has
    /// neither: keeping it would type a derived figure as primary data, so the whole survey is
    /// refused with the unsur named.
    pub fn dari_hasil(hasil: &crate::skm::HasilSkm) -> Result<Vec<UnsurSkm>, String> {
        hasil
            .unsur
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let (jumlah, distribusi) = match (u.jumlah, u.persen) {
                    (Some(j), _) => (Some(j), None),
                    (None, Some(p)) => (None, Some(p)),
                    (None, None) => {
                        return Err(format!(
                            "unsur {} hanya memuat NRR atau skor: hanya jawaban responden atau distribusi yang dapat dilampirkan sebagai data primer",
                            u.kode
                        ));
                    }
                };
                Ok(UnsurSkm {
                    nomor: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    nama: u.nama.clone(),
                    jumlah,
                    distribusi,
                })
            })
            .collect()
    }
}

/// One action of a survey's Rencana Tindak Lanjut (PermenPANRB 14/2017: the results are
/// published with the plan to improve the weakest unsur). Planned with the survey of one
/// period, and followed up (`status`, `hasil`) in the next period's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TindakLanjutSkm {
    pub id: TindakLanjutId,
    /// The survey whose result the action answers.
    pub survei: SurveiId,
    /// The unsur's number in the survey's questionnaire (1 = U1).
    pub unsur: u32,
    pub kegiatan: String,
    /// When: "Triwulan I 2025", "Maret 2025".
    pub jadwal: String,
    pub penanggung_jawab: String,
    #[serde(default)]
    pub status: StatusTindakLanjut,
    /// What became of it, written at the follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hasil: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusTindakLanjut {
    /// Not started (`belum` in an evaluation's follow-up).
    #[default]
    #[serde(alias = "belum")]
    Rencana,
    #[serde(alias = "proses")]
    Berjalan,
    Selesai,
    TidakDilaksanakan,
}

impl StatusTindakLanjut {
    pub const SEMUA: [StatusTindakLanjut; 4] = [
        StatusTindakLanjut::Rencana,
        StatusTindakLanjut::Berjalan,
        StatusTindakLanjut::Selesai,
        StatusTindakLanjut::TidakDilaksanakan,
    ];

    /// The word the report and the pages print.
    pub fn label(self) -> &'static str {
        match self {
            StatusTindakLanjut::Rencana => "belum dimulai",
            StatusTindakLanjut::Berjalan => "sedang berjalan",
            StatusTindakLanjut::Selesai => "selesai",
            StatusTindakLanjut::TidakDilaksanakan => "tidak dilaksanakan",
        }
    }

    /// The form's value (the serde name).
    pub fn kode(self) -> &'static str {
        match self {
            StatusTindakLanjut::Rencana => "rencana",
            StatusTindakLanjut::Berjalan => "berjalan",
            StatusTindakLanjut::Selesai => "selesai",
            StatusTindakLanjut::TidakDilaksanakan => "tidak_dilaksanakan",
        }
    }

    pub fn dari_kode(kode: &str) -> Option<StatusTindakLanjut> {
        Self::SEMUA.into_iter().find(|s| s.kode() == kode)
    }
}
