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
    /// Signed by both parties: the PK and the PK targets of its year are locked (the store
    /// refuses every change, whatever the door) until a PK perubahan replaces it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ditandatangani: bool,
    /// A PK perubahan: the earlier version of the same year it replaces. The earlier version
    /// stays in the data, readable with the targets it promised (`target_arsip`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perubahan_dari: Option<PkId>,
    /// The targets this version promised, kept when a PK perubahan replaced it (the year's PK
    /// targets, `Target` with dokumen = PK, are then the new version's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_arsip: Vec<TargetArsip>,
}

/// A target of a replaced PK version, as it promised it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetArsip {
    pub indikator: IndikatorId,
    pub nilai: crate::nilai::Nilai,
}

impl crate::model::DataInstansi {
    /// The versions of `instansi`'s Perjanjian Kinerja of `tahun`, earliest first: each PK
    /// perubahan after the version it replaces.
    pub fn pk_versi(&self, instansi: &InstansiId, tahun: Tahun) -> Vec<&PerjanjianKinerja> {
        let semua: Vec<&PerjanjianKinerja> = self
            .perjanjian_kinerja
            .iter()
            .filter(|p| &p.instansi == instansi && p.tahun == tahun)
            .collect();
        let mut urut: Vec<&PerjanjianKinerja> = semua
            .iter()
            .copied()
            .filter(|p| {
                p.perubahan_dari
                    .as_ref()
                    .is_none_or(|d| !semua.iter().any(|x| &x.id == d))
            })
            .collect();
        // Follow the chain; a version replaced twice, or a cycle, ends it (never loops).
        let mut i = 0;
        while i < urut.len() && urut.len() < semua.len() {
            let kini = urut[i].id.clone();
            for p in &semua {
                if p.perubahan_dari.as_ref() == Some(&kini) && !urut.iter().any(|x| x.id == p.id) {
                    urut.push(p);
                }
            }
            i += 1;
        }
        urut
    }

    /// The PK of `tahun` in force for `instansi`: its latest version.
    pub fn pk_berlaku(&self, instansi: &InstansiId, tahun: Tahun) -> Option<&PerjanjianKinerja> {
        self.pk_versi(instansi, tahun).pop()
    }
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
