//! Annual documents: RKT, Perjanjian Kinerja, IKU.

use crate::id::*;
use crate::model::Keputusan;
use crate::uang::Rupiah;
use crate::waktu::{Tahun, Tanggal};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rkt {
    pub id: RktId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<ProgramId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kegiatan: Vec<RktKegiatan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RktKegiatan {
    pub kegiatan: KegiatanId,
    /// The planned budget as the RKT states it; `None` where the RKT prints "-".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anggaran: Option<Rupiah>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerjanjianKinerja {
    pub id: PkId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    pub pihak_pertama: PejabatId,
    pub pihak_kedua: PejabatId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<Tanggal>,
    /// Indicators promised, in the PK's order; their targets are `Target`s with dokumen = PK.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<IndikatorId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anggaran: Vec<AnggaranPk>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnggaranPk {
    pub program: ProgramId,
    pub anggaran: Rupiah,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Iku {
    pub id: IkuId,
    pub instansi: InstansiId,
    pub keputusan: Keputusan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baris: Vec<BarisIku>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BarisIku {
    pub indikator: IndikatorId,
    /// The "kinerja utama" column, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinerja_utama: Option<String>,
    pub formulasi: Formulasi,
    /// Responsible units (instansi of jenis `unit`), and the column's text as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penanggung_jawab: Vec<InstansiId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penanggung_jawab_teks: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber_data: Option<String>,
}

/// How an indicator is computed. Numerator and denominator are named so that later an
/// indicator can be computed from raw counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formulasi {
    pub teks: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pembilang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penyebut: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::desimal_opsi")]
    #[schemars(with = "Option<String>")]
    pub pengali: Option<Decimal>,
}
