//! The SAKIP domain model of one instansi: plan (Renstra, RKT, PK, IKU), measurement (targets,
//! realisasi, comparison figures), budget, SKM as published, the report's narrative, and the
//! figures that a published document *states* (kept beside the primary data, never used as input).
//!
//! The model is a set of flat tables joined by typed ids, as a relational store holds them, so
//! that the file format, the database and later roll-ups across instansi all see one shape.

use crate::id::*;
use crate::nilai::Nilai;
use crate::predikat::SkalaPredikat;
use crate::uang::Rupiah;
use crate::waktu::{Periode, Tahun, Tanggal};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Organisation

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisInstansi {
    Kementerian,
    Provinsi,
    Kabupaten,
    Kota,
    /// Dinas, badan, kantor: an OPD.
    Opd,
    Kecamatan,
    Kelurahan,
    Desa,
    /// A unit inside an instansi: sekretariat, bidang, seksi, sub bagian.
    Unit,
}

/// An instansi and its place in the hierarchy (kabupaten → OPD/kecamatan → seksi; desa under a
/// kecamatan). The hierarchy is what later roll-ups and the pohon kinerja walk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instansi {
    pub id: InstansiId,
    pub nama: String,
    pub jenis: JenisInstansi,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub induk: Option<InstansiId>,
    /// Kode wilayah (Kemendagri) or unit code, where known: `35.09.14`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alamat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// An official: signs the PK, the report, the IKU decree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pejabat {
    pub id: PejabatId,
    pub instansi: InstansiId,
    pub nama: String,
    /// Elected officials (bupati) have no NIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<Nip>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pangkat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub golongan: Option<String>,
    pub jabatan: String,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// Nomor Induk Pegawai: 18 digits = birth date (8) + TMT CPNS year-month (6) + sex (1) + number (3).
/// Printed grouped as `19671229 199303 1 008`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nip(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("NIP \"{teks}\" tidak sah: {alasan}")]
pub struct NipError {
    pub teks: String,
    pub alasan: &'static str,
}

impl Nip {
    pub fn parse(teks: &str) -> Result<Nip, NipError> {
        let e = |alasan| NipError {
            teks: teks.to_string(),
            alasan,
        };
        let digits: String = teks.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 18 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(e("harus 18 angka"));
        }
        let n = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
        if !(1..=12).contains(&n(4..6)) || !(1..=31).contains(&n(6..8)) {
            return Err(e("tanggal lahir (8 angka pertama) tidak sah"));
        }
        if !(1..=12).contains(&n(12..14)) {
            return Err(e("bulan TMT CPNS (angka ke-13 dan 14) tidak sah"));
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(e("kode jenis kelamin (angka ke-15) harus 1 atau 2"));
        }
        Ok(Nip(digits))
    }
    pub fn angka(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Nip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.0;
        write!(
            f,
            "{} {} {} {}",
            &d[0..8],
            &d[8..14],
            &d[14..15],
            &d[15..18]
        )
    }
}
impl Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Nip::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A decree or regulation a document rests on (SK IKU, Perbup Renstra).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Keputusan {
    pub nomor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tentang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<Tanggal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penandatangan: Option<PejabatId>,
}

// ---------------------------------------------------------------------------------------------
// Plan: Renstra

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renstra {
    pub id: RenstraId,
    pub instansi: InstansiId,
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
    /// The sasaran of the parent instansi this one supports (pohon kinerja), when known.
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
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
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

// ---------------------------------------------------------------------------------------------
// Indicators, targets, realisasi

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Realisasi {
    pub indikator: IndikatorId,
    pub tahun: Tahun,
    #[serde(default)]
    pub periode: Periode,
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

/// A figure to compare against: national, provincial, another region's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pembanding {
    pub indikator: IndikatorId,
    pub tahun: Tahun,
    /// `nasional`, `provinsi`, `kabupaten`...
    pub lingkup: String,
    pub nilai: Nilai,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber: Option<String>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Annual documents: RKT, Perjanjian Kinerja, IKU

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

// ---------------------------------------------------------------------------------------------
// Budget

/// Type of spending, in both budget structures. A year's budget uses one structure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum JenisBelanja {
    // Permendagri 13/2006, up to 2020.
    TidakLangsung,
    /// Belanja Langsung not split by type in the source.
    Langsung,
    LangsungPegawai,
    LangsungBarangJasa,
    LangsungModal,
    // PP 12/2019, Permendagri 90/2019 and 77/2020, from 2021.
    Operasi,
    Modal,
    TidakTerduga,
    Transfer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StrukturBelanja {
    /// Belanja Tidak Langsung / Belanja Langsung (Permendagri 13/2006).
    Permendagri13,
    /// Operasi / Modal / Tidak Terduga / Transfer (Permendagri 90/2019).
    Permendagri90,
}

impl JenisBelanja {
    pub fn struktur(self) -> StrukturBelanja {
        use JenisBelanja::*;
        match self {
            TidakLangsung | Langsung | LangsungPegawai | LangsungBarangJasa | LangsungModal => {
                StrukturBelanja::Permendagri13
            }
            Operasi | Modal | TidakTerduga | Transfer => StrukturBelanja::Permendagri90,
        }
    }
    /// The top-level group the type belongs to (BL's three types group under Belanja Langsung).
    pub fn kelompok(self) -> JenisBelanja {
        use JenisBelanja::*;
        match self {
            Langsung | LangsungPegawai | LangsungBarangJasa | LangsungModal => Langsung,
            j => j,
        }
    }
    pub fn label(self) -> &'static str {
        use JenisBelanja::*;
        match self {
            TidakLangsung => "Belanja Tidak Langsung",
            Langsung => "Belanja Langsung",
            LangsungPegawai => "Belanja Pegawai",
            LangsungBarangJasa => "Belanja Barang dan Jasa",
            LangsungModal => "Belanja Modal",
            Operasi => "Belanja Operasi",
            Modal => "Belanja Modal",
            TidakTerduga => "Belanja Tidak Terduga",
            Transfer => "Belanja Transfer",
        }
    }
}

/// Where a budget line sits. Lines are entered at the lowest level known; every total above is
/// derived. Belanja Tidak Langsung is not tied to a kegiatan, so it sits on the instansi.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TempatAnggaran {
    Instansi,
    Kegiatan(KegiatanId),
    SubKegiatan(SubKegiatanId),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PosAnggaran {
    pub id: PosAnggaranId,
    pub tahun: Tahun,
    pub tempat: TempatAnggaran,
    pub jenis: JenisBelanja,
    pub pagu: Rupiah,
    /// `None` when not yet reported (not the same as zero spending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realisasi: Option<Rupiah>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// SKM as published (the computation from answers lives in `skm`)

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

// ---------------------------------------------------------------------------------------------
// The Laporan Kinerja: narrative

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

// ---------------------------------------------------------------------------------------------
// Settings and the aggregate

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laporan: Vec<Laporan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tercatat: Vec<Tercatat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skala: Vec<SkalaPredikat>,
    /// Reviu findings a reviewer accepted, with the reason (kept with the data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviu: Vec<PenerimaanTemuan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengaturan: Option<Pengaturan>,
}

impl DataInstansi {
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
