//! Organisation: instansi and their hierarchy, officials, decrees.

use crate::id::*;
use crate::waktu::{Tahun, Tanggal};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
pub struct GalatNip {
    pub teks: String,
    pub alasan: &'static str,
}

impl Nip {
    pub fn parse(teks: &str) -> Result<Nip, GalatNip> {
        let e = |alasan| GalatNip {
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

/// A change of organisation: the instansi `pendahulu` became the instansi `penerus` from year
/// `tahun` on (the predecessors' last year is the one before). A merge has several
/// predecessors and one successor, a split one predecessor and several successors, a
/// renaming one of each (a new id: the old id keeps its history). Trends over years and
/// roll-ups read the predecessors' figures for the years before (`crate::reorganisasi`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reorganisasi {
    pub id: ReorganisasiId,
    pub jenis: JenisReorganisasi,
    /// The successors' first year.
    pub tahun: Tahun,
    pub pendahulu: Vec<InstansiId>,
    pub penerus: Vec<InstansiId>,
    /// The legal basis (a Perda or Perbup on the organisation of the pemda).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dasar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisReorganisasi {
    /// Several instansi become one.
    Penggabungan,
    /// One instansi becomes several.
    Pemekaran,
    /// One instansi continues under a new id and name.
    GantiNama,
}

impl JenisReorganisasi {
    pub fn label(self) -> &'static str {
        match self {
            JenisReorganisasi::Penggabungan => "penggabungan",
            JenisReorganisasi::Pemekaran => "pemekaran",
            JenisReorganisasi::GantiNama => "ganti nama",
        }
    }
}
