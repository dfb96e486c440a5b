//! The Laporan Kinerja's narrative, the figures published documents state, and the reviewer's
//! acceptance of reviu findings.

use crate::id::*;
use crate::model::JenisBelanja;
use crate::waktu::{Tahun, Tanggal};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Laporan {
    pub id: LaporanId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    pub judul: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<Tanggal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penandatangan: Option<PejabatId>,
    pub kata_pengantar: String,
    pub ikhtisar: Uraian,
    /// Free sections in document order (Bab I latar belakang, tugas dan fungsi, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bagian: Vec<Bagian>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analisis: Vec<AnalisisSasaran>,
    pub penutup: Uraian,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

impl Laporan {
    /// A report record without any text yet: what the narrative form starts from, and what a
    /// document printed without a `[[laporan]]` reads (its narrative "data tidak tersedia").
    pub fn kosong(id: LaporanId, instansi: InstansiId, tahun: Tahun) -> Laporan {
        Laporan {
            id,
            instansi,
            tahun,
            judul: String::new(),
            tempat: None,
            tanggal: None,
            penandatangan: None,
            kata_pengantar: String::new(),
            ikhtisar: Uraian::default(),
            bagian: Vec::new(),
            analisis: Vec::new(),
            penutup: Uraian::default(),
            catatan: None,
        }
    }
}

/// A narrative with the obstacles met and the steps taken (the ikhtisar and Bab IV have both).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Uraian {
    pub teks: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kendala: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub langkah_perbaikan: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bagian {
    /// Where it belongs: `bab1.latar_belakang`, `bab2.perjanjian_kinerja`...
    pub kunci: String,
    pub judul: String,
    pub teks: String,
}

/// The narrative analysis of one sasaran (Bab III: causes, remedies, efficiency).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalisisSasaran {
    pub sasaran: SasaranId,
    pub teks: String,
}

// ---------------------------------------------------------------------------------------------
// Stated figures

/// A figure as a published document prints it. Never an input to computation: a reviu sets the
/// computed figure beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tercatat {
    pub lokasi: Lokasi,
    pub subjek: Subjek,
    pub ukuran: Ukuran,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<Tahun>,
    pub nilai: NilaiTercatat,
    /// The text as printed, where it could not be kept verbatim in `nilai` (a typo such as
    /// `210.000,000,00`, a swapped label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tertulis: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lokasi {
    /// `Laporan Kinerja 2020`, `Perjanjian Kinerja 2020`...
    pub dokumen: String,
    /// `Tabel 3.1`, `Bab III C.2`, `Ikhtisar Eksekutif`.
    pub bagian: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baris: Option<String>,
}

/// What a stated figure is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Subjek {
    Instansi,
    Sasaran(SasaranId),
    Indikator(IndikatorId),
    Program(ProgramId),
    Kegiatan(KegiatanId),
    SubKegiatan(SubKegiatanId),
    Belanja(JenisBelanja),
    Survei(SurveiId),
    UnsurSkm {
        survei: SurveiId,
        nomor: u32,
    },
    /// A row whose label matches nothing in the plan (kept so the reviu can say so).
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ukuran {
    Target,
    TargetAkhir,
    Realisasi,
    Capaian,
    Predikat,
    TingkatKemajuan,
    Nasional,
    SelisihNasional,
    Pagu,
    RealisasiAnggaran,
    Serapan,
    /// Share of a whole (e.g. a program's share of Belanja Langsung).
    Proporsi,
    JumlahSasaran,
    JumlahIndikator,
    /// How many indicators the text says reached a predikat.
    JumlahIndikatorBerpredikat(String),
    JumlahProgram,
    JumlahKegiatan,
    SkorSkm,
    PredikatSkm,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NilaiTercatat {
    Angka(
        #[serde(with = "crate::serde_angka::desimal")]
        #[schemars(with = "String")]
        Decimal,
    ),
    Teks(String),
}

/// A reviewer's decision to accept a reviu finding (a known, explained difference).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PenerimaanTemuan {
    /// The rule id.
    pub aturan: String,
    /// The finding's stable key, as `kinerja periksa` prints it.
    pub kunci: String,
    pub alasan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oleh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<Tanggal>,
}
