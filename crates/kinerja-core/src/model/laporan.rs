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

impl Lokasi {
    /// The year the document's name carries (`Laporan Kinerja 2020`, `LKjIP 2019`,
    /// `SKM 2023 Semester 1`): its one four-digit year. None when the name carries no year, or
    /// several (`Renstra 2019-2023`: a plan of many years states figures of each).
    pub fn tahun_dokumen(&self) -> Option<Tahun> {
        let mut tahun = None;
        for kata in self
            .dokumen
            .split(|c: char| !c.is_ascii_digit())
            .filter(|k| k.len() == 4)
        {
            // Four digits outside the years data holds (`Nomor 1234`) are not a year.
            let Some(t) = kata.parse().ok().and_then(|t| Tahun::new(t).ok()) else {
                continue;
            };
            if tahun.is_some_and(|x| x != t) {
                return None;
            }
            tahun = Some(t);
        }
        tahun
    }
}

impl Tercatat {
    /// The year whose documents state this figure, which is the year whose reviu checks it:
    /// the year of the document (a Laporan Kinerja 2020 comparing with 2017 states its 2017
    /// column in 2020), or, for a document whose name carries no single year, the figure's own.
    pub fn tahun_dokumen(&self) -> Option<Tahun> {
        self.lokasi.tahun_dokumen().or(self.tahun)
    }

    /// The year the figure is about: its own, or without one its document's.
    pub fn tahun_angka(&self) -> Option<Tahun> {
        self.tahun.or(self.lokasi.tahun_dokumen())
    }

    /// Whether the reviu of `tahun` checks this figure: it belongs to that year's documents.
    /// A figure placed in no year (no year of its own, and a document named without one) is
    /// checked in every year's reviu, as nothing says which it belongs to.
    pub fn milik_tahun(&self, tahun: Tahun) -> bool {
        self.tahun_dokumen().is_none_or(|t| t == tahun)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tercatat(dokumen: &str, tahun: Option<i64>) -> Tercatat {
        Tercatat {
            lokasi: Lokasi {
                dokumen: dokumen.into(),
                bagian: "Tabel 3.1".into(),
                baris: None,
            },
            subjek: Subjek::Instansi,
            ukuran: Ukuran::Capaian,
            tahun: tahun.map(|t| Tahun::new(t).unwrap()),
            nilai: NilaiTercatat::Teks("x".into()),
            tertulis: None,
            catatan: None,
        }
    }

    fn th(t: i64) -> Tahun {
        Tahun::new(t).unwrap()
    }

    #[test]
    fn tahun_dokumen_dari_nama() {
        let t = |d: &str| tercatat(d, None).lokasi.tahun_dokumen();
        assert_eq!(t("Laporan Kinerja 2020"), Some(th(2020)));
        assert_eq!(t("LKjIP 2019"), Some(th(2019)));
        assert_eq!(t("SKM 2023 Semester 1"), Some(th(2023)));
        // The same year twice is that year; two years, none (a plan's period).
        assert_eq!(t("LKj 2021 (revisi 2021)"), Some(th(2021)));
        assert_eq!(t("Renstra 2019-2023"), None);
        assert_eq!(t("LKjIP"), None);
        // Not a year: a number of another length, or four digits outside the years data holds.
        assert_eq!(t("Perbup 123 Lampiran 12345"), None);
        assert_eq!(t("Nomor 1234"), None);
        assert_eq!(t("Perbup Nomor 1234 LKj 2020"), Some(th(2020)));
    }

    #[test]
    fn tahun_reviu_angka_tercatat() {
        // A 2017 column of the 2020 report is the 2020 report's: checked in 2020, about 2017.
        let x = tercatat("Laporan Kinerja 2020", Some(2017));
        assert_eq!(x.tahun_dokumen(), Some(th(2020)));
        assert_eq!(x.tahun_angka(), Some(th(2017)));
        assert!(x.milik_tahun(th(2020)));
        assert!(!x.milik_tahun(th(2017)));
        assert!(!x.milik_tahun(th(2021)));
        // Without a year of its own: the document's.
        let x = tercatat("LKj 2021", None);
        assert_eq!(x.tahun_angka(), Some(th(2021)));
        assert!(x.milik_tahun(th(2021)));
        assert!(!x.milik_tahun(th(2020)));
        // A plan of many years: the figure's own year.
        let x = tercatat("Renstra 2019-2023", Some(2021));
        assert_eq!(x.tahun_dokumen(), Some(th(2021)));
        assert!(x.milik_tahun(th(2021)));
        assert!(!x.milik_tahun(th(2022)));
        // Placed in no year: every reviu.
        let x = tercatat("LKjIP", None);
        assert_eq!(x.tahun_dokumen(), None);
        assert!(x.milik_tahun(th(2020)) && x.milik_tahun(th(2021)));
    }
}
