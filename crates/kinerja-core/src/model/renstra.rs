//! The plan: Renstra, its tujuan and sasaran, strategy and policy; the indicators of every level
//! and their targets per document.

use crate::id::*;
use crate::model::Keputusan;
use crate::nilai::Nilai;
use crate::waktu::Tahun;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renstra {
    pub id: RenstraId,
    pub instansi: InstansiId,
    /// A Renstra (an OPD's plan) or an RPJMD (a pemda's): the same shape, tujuan, sasaran,
    /// indicators and yearly targets (`dokumen = "renstra"` for both: the medium-term plan).
    #[serde(default, skip_serializing_if = "JenisRencana::is_renstra")]
    pub jenis: JenisRencana,
    pub tahun_awal: Tahun,
    pub tahun_akhir: Tahun,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<Keputusan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub misi: Vec<String>,
    /// A transcription or editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// Which medium-term plan a `Renstra` record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisRencana {
    /// Rencana Strategis of an OPD (or kecamatan, kementerian).
    #[default]
    Renstra,
    /// Rencana Pembangunan Jangka Menengah Daerah of a pemda (kabupaten, kota, provinsi): its
    /// sasaran are what OPD sasaran support (`Sasaran::mendukung`), its IKU the pemda's.
    Rpjmd,
}

impl JenisRencana {
    pub fn is_renstra(&self) -> bool {
        *self == JenisRencana::Renstra
    }
    pub fn label(self) -> &'static str {
        match self {
            JenisRencana::Renstra => "Renstra",
            JenisRencana::Rpjmd => "RPJMD",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tujuan {
    pub id: TujuanId,
    pub renstra: RenstraId,
    pub nomor: u32,
    pub uraian: String,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sasaran {
    pub id: SasaranId,
    pub tujuan: TujuanId,
    pub nomor: u32,
    pub uraian: String,
    /// The sasaran of the parent instansi this one supports (pohon kinerja), when known: the id
    /// or the wording of an RPJMD sasaran (the reviu matches either, `SASARAN-TANPA-RPJMD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mendukung: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategi {
    pub id: StrategiId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sasaran: Vec<SasaranId>,
    pub uraian: String,
    /// A transcription or editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kebijakan {
    pub id: KebijakanId,
    pub strategi: StrategiId,
    pub uraian: String,
    /// A transcription or editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polaritas {
    /// Higher is better.
    #[default]
    Positif,
    /// Lower is better.
    Negatif,
    /// Best inside a range target.
    Rentang,
}

/// What an indicator measures at its level (Renja: input/output/outcome).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisIndikator {
    /// Tujuan and sasaran indicators; program outcomes.
    #[default]
    Hasil,
    Masukan,
    Keluaran,
}

/// Who an indicator belongs to. One indicator table for every level keeps targets and realisasi
/// in one shape, and lets the pohon kinerja link an indicator to its parent's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Pemilik {
    Tujuan(TujuanId),
    Sasaran(SasaranId),
    Program(ProgramId),
    Kegiatan(KegiatanId),
    SubKegiatan(SubKegiatanId),
}

/// How four quarterly realisasi make the year's, when no annual figure is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaraTahunan {
    /// The last quarter reported is the year (cumulative indicators, percentages to date).
    #[default]
    Terakhir,
    /// Sum of the quarters (counts: documents issued, people served).
    Jumlah,
    /// Mean of the quarters reported.
    RataRata,
    /// The highest quarter reported (a peak: the most beds in use).
    Maksimum,
}

impl CaraTahunan {
    pub fn label(self) -> &'static str {
        match self {
            CaraTahunan::Terakhir => "triwulan terakhir",
            CaraTahunan::Jumlah => "jumlah triwulan",
            CaraTahunan::RataRata => "rata-rata triwulan",
            CaraTahunan::Maksimum => "nilai triwulan tertinggi",
        }
    }
}

/// How the figures of several units (the OPD of a kabupaten, the kabupaten of a province) make
/// the region's figure of an indicator (`wilayah::rekap_indikator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaraWilayah {
    /// Not rolled up: a figure that means nothing summed or averaged (an index, a rank).
    #[default]
    Tidak,
    /// Sum of the units' realisasi (counts).
    Jumlah,
    /// Mean of the units' realisasi, each unit counting once.
    RataRata,
    /// A formula indicator: the sum of the units' numerators over the sum of their
    /// denominators, times the factor (not the mean of their ratios).
    RasioJumlah,
}

impl CaraWilayah {
    pub fn label(self) -> &'static str {
        match self {
            CaraWilayah::Tidak => "tidak direkap",
            CaraWilayah::Jumlah => "jumlah unit",
            CaraWilayah::RataRata => "rata-rata unit",
            CaraWilayah::RasioJumlah => "rasio jumlah pembilang dan penyebut unit",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indikator {
    pub id: IndikatorId,
    pub pemilik: Pemilik,
    pub nomor: u32,
    pub uraian: String,
    #[serde(default)]
    pub jenis: JenisIndikator,
    #[serde(default)]
    pub polaritas: Polaritas,
    /// `%`, `indeks`, `dokumen`, `orang`, `Rp`... free text, as plans write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
    #[serde(default)]
    pub cara_tahunan: CaraTahunan,
    /// How the units' figures make a region's (`wilayah::rekap_indikator`).
    #[serde(default, skip_serializing_if = "is_tidak")]
    pub cara_wilayah: CaraWilayah,
    /// Computed from data elements (`nilai_data`) instead of typed: a typed realisasi of such an
    /// indicator is a stated figure, which the reviu compares with the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rumus: Option<crate::model::Rumus>,
    /// The baseline: the figure of the year before the plan period (kondisi awal), from which
    /// progress toward the end target is measured (`pengukuran::tingkat_kemajuan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kondisi_awal: Option<Nilai>,
    /// The end-of-Renstra target when the Renstra states one apart from its yearly targets;
    /// otherwise the target of the Renstra's last year is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_akhir: Option<Nilai>,
    /// The parent indicator this one cascades from (pohon kinerja), possibly at another instansi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub induk: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

fn is_tidak(c: &CaraWilayah) -> bool {
    *c == CaraWilayah::Tidak
}

/// Which document a target is written in. The same indicator can carry different targets for the
/// same year in different documents; the reviu compares them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DokumenTarget {
    Renstra,
    Rkt,
    PerjanjianKinerja,
    /// The measurement table of the Laporan Kinerja (Tabel 3.1) and its per-kegiatan tables.
    Pengukuran,
}

impl DokumenTarget {
    pub fn label(self) -> &'static str {
        match self {
            DokumenTarget::Renstra => "Renstra",
            DokumenTarget::Rkt => "RKT",
            DokumenTarget::PerjanjianKinerja => "Perjanjian Kinerja",
            DokumenTarget::Pengukuran => "Pengukuran (Laporan Kinerja)",
        }
    }
    /// The label where the plan may be a pemda's RPJMD: its yearly targets are stored under
    /// `renstra` (the medium-term plan) but read "RPJMD".
    pub fn label_rencana(self, rpjmd: bool) -> &'static str {
        match self {
            DokumenTarget::Renstra if rpjmd => "RPJMD",
            d => d.label(),
        }
    }
    /// Measurement uses the most specific document that states a target for the year.
    pub const URUTAN_PENGUKURAN: [DokumenTarget; 4] = [
        DokumenTarget::Pengukuran,
        DokumenTarget::PerjanjianKinerja,
        DokumenTarget::Rkt,
        DokumenTarget::Renstra,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub indikator: IndikatorId,
    pub tahun: Tahun,
    pub dokumen: DokumenTarget,
    pub nilai: Nilai,
    /// The indicator's wording in this document, where it differs from the Renstra's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uraian: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}
