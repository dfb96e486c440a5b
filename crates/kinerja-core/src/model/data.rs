//! The settings of an instansi and the aggregate of all its documents.

use crate::id::*;
use crate::model::*;
use crate::predikat::SkalaPredikat;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How capaian is computed for this instansi. Regulations differ; the choice is data, and the
/// report prints which rule it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pengaturan {
    pub skala: SkalaId,
    pub rumus_negatif: crate::capaian::RumusNegatif,
    /// An upper cap on capaian (some pemda cap at 120 %); none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::desimal_opsi")]
    #[schemars(with = "Option<String>")]
    pub batas_atas: Option<Decimal>,
}

/// All documents of one instansi (its parents and units included for names and hierarchy).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataInstansi {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instansi: Vec<Instansi>,
    /// Splits, merges and renamings of the instansi (`crate::reorganisasi`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reorganisasi: Vec<Reorganisasi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pejabat: Vec<Pejabat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renstra: Vec<Renstra>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tujuan: Vec<Tujuan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sasaran: Vec<Sasaran>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategi: Vec<Strategi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kebijakan: Vec<Kebijakan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<Program>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kegiatan: Vec<Kegiatan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_kegiatan: Vec<SubKegiatan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<Indikator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<Target>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub realisasi: Vec<Realisasi>,
    /// Raw figures formulas refer to (`Indikator::rumus`), and their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_elemen: Vec<DataElemen>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nilai_data: Vec<NilaiData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pembanding: Vec<Pembanding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rkt: Vec<Rkt>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub perjanjian_kinerja: Vec<PerjanjianKinerja>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iku: Vec<Iku>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anggaran: Vec<PosAnggaran>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skm: Vec<SurveiSkm>,
    /// The Rencana Tindak Lanjut of the surveys, with their follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tindak_lanjut_skm: Vec<TindakLanjutSkm>,
    /// The instansi's own SKM questionnaires (the hosted form and the reading of exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kuesioner_skm: Vec<KuesionerSkm>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laporan: Vec<Laporan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tercatat: Vec<Tercatat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skala: Vec<SkalaPredikat>,
    /// The pemda's pohon kinerja (one per year), its nodes and crosscutting links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pohon: Vec<PohonKinerja>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub simpul: Vec<SimpulPohon>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crosscutting: Vec<Crosscutting>,
    /// Reviu findings a reviewer accepted, with the reason (kept with the data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviu: Vec<PenerimaanTemuan>,
    /// Answers to the Evaluasi AKIP worksheet (LKE), per year and criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jawaban_evaluasi: Vec<JawabanEvaluasi>,
    /// Where each year's evaluation stands (draft, submitted, evaluated, final).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_evaluasi: Vec<StatusEvaluasi>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengaturan: Option<Pengaturan>,
}

impl DataInstansi {
    /// Whether this data set's medium-term plan is an RPJMD (a pemda's): its `renstra` targets
    /// read "RPJMD" (`DokumenTarget::label_rencana`).
    pub fn rpjmd(&self) -> bool {
        self.renstra.iter().any(|r| r.jenis == JenisRencana::Rpjmd)
    }

    /// Lookups by id for printing names (linear: for a handful of calls; `pengukuran::Indeks`
    /// indexes what computations look up often).
    pub fn program(&self, id: &ProgramId) -> Option<&Program> {
        self.program.iter().find(|p| &p.id == id)
    }
    pub fn kegiatan(&self, id: &KegiatanId) -> Option<&Kegiatan> {
        self.kegiatan.iter().find(|k| &k.id == id)
    }
    pub fn sasaran(&self, id: &SasaranId) -> Option<&Sasaran> {
        self.sasaran.iter().find(|s| &s.id == id)
    }
    /// The name a budget table prints for the sasaran a program serves.
    pub fn label_sasaran_anggaran(&self, id: Option<&SasaranId>) -> String {
        match id {
            Some(id) => self
                .sasaran(id)
                .map(|s| s.uraian.clone())
                .unwrap_or_default(),
            None => "(program tanpa sasaran)".into(),
        }
    }
}
