//! Rules as data, DHIS2-style: a left and a right expression over the data, an operator, a
//! missing-value strategy, a severity and a message, evaluated for every item of a scope
//! (the instansi, each program, kegiatan, sub kegiatan, budget line or indicator) in the reviu
//! year.
//!
//! Data elements by scope (`#{nama}`):
//! - `instansi`: `pagu`, `realisasi_anggaran`, `serapan`, `pagu_program`,
//!   `realisasi_program`, `jumlah_sasaran`, `jumlah_indikator`;
//! - `program`, `kegiatan`, `sub_kegiatan`: `pagu`, `realisasi_anggaran`, `serapan`, and the
//!   stated figures `tercatat_pagu`, `tercatat_realisasi_anggaran`, `tercatat_serapan`;
//! - `pos_anggaran`: `pagu` (the pagu in force: APBD perubahan where there is one),
//!   `realisasi_anggaran` (the sum of the months where the line reports months);
//! - `indikator`: `target`, `realisasi`, `capaian`, `realisasi_lalu` (the previous year),
//!   `tercatat_capaian`.

use crate::ekspresi::{Ekspresi, GalatEkspresi};
use crate::{Konteks, LokasiTemuan, Temuan, Tingkat};
use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::model::*;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lingkup {
    #[default]
    Instansi,
    Program,
    Kegiatan,
    SubKegiatan,
    PosAnggaran,
    Indikator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Operator {
    #[serde(rename = "==")]
    Sama,
    #[serde(rename = "!=")]
    TidakSama,
    #[serde(rename = "<")]
    Kurang,
    #[serde(rename = "<=")]
    KurangSama,
    #[serde(rename = ">")]
    Lebih,
    #[serde(rename = ">=")]
    LebihSama,
}

impl Operator {
    fn teks(self) -> &'static str {
        match self {
            Operator::Sama => "==",
            Operator::TidakSama => "!=",
            Operator::Kurang => "<",
            Operator::KurangSama => "<=",
            Operator::Lebih => ">",
            Operator::LebihSama => ">=",
        }
    }
    fn uji(self, a: Decimal, b: Decimal) -> bool {
        match self {
            Operator::Sama => a == b,
            Operator::TidakSama => a != b,
            Operator::Kurang => a < b,
            Operator::KurangSama => a <= b,
            Operator::Lebih => a > b,
            Operator::LebihSama => a >= b,
        }
    }
}

pub use crate::ekspresi::StrategiKosong;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AturanTeks {
    id: String,
    nama: Option<String>,
    #[serde(default)]
    lingkup: Lingkup,
    kiri: String,
    operator: Operator,
    kanan: String,
    #[serde(default)]
    kosong: StrategiKosong,
    tingkat: Tingkat,
    pesan: String,
    /// For `indikator`: only indicators with this unit (`%`).
    satuan: Option<String>,
    /// Round the right side to this many decimals before comparing (a percentage printed with
    /// two decimals agrees if it rounds to the same). A left side that is one stated figure
    /// (`#{tercatat_...}`) printed with fewer decimals is compared at its own precision: a
    /// serapan printed "93,6" agrees with 93,634.
    bulatkan: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BerkasTeks {
    aturan: Vec<AturanTeks>,
}

#[derive(Debug, Clone)]
pub struct Aturan {
    pub id: String,
    pub nama: Option<String>,
    pub lingkup: Lingkup,
    pub kiri: Ekspresi,
    pub operator: Operator,
    pub kanan: Ekspresi,
    pub kosong: StrategiKosong,
    pub tingkat: Tingkat,
    pub pesan: String,
    pub satuan: Option<String>,
    pub bulatkan: Option<u32>,
}

/// A parsed rules file.
pub type BerkasAturan = Vec<Aturan>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatAturan {
    #[error("berkas aturan tidak sah: {0}")]
    Toml(String),
    #[error("aturan \"{id}\", {sisi}: {sumber}")]
    Ekspresi {
        id: String,
        sisi: &'static str,
        sumber: GalatEkspresi,
    },
    #[error(
        "aturan \"{id}\": data \"{nama}\" tidak dikenal untuk lingkup {lingkup:?}; yang tersedia: {tersedia}"
    )]
    Data {
        id: String,
        nama: String,
        lingkup: Lingkup,
        tersedia: String,
    },
    #[error("id aturan \"{0}\" dipakai lebih dari sekali")]
    Ganda(String),
}

fn data_lingkup(l: Lingkup) -> &'static [&'static str] {
    match l {
        Lingkup::Instansi => &[
            "pagu",
            "realisasi_anggaran",
            "serapan",
            "pagu_program",
            "realisasi_program",
            "jumlah_sasaran",
            "jumlah_indikator",
        ],
        Lingkup::Program | Lingkup::Kegiatan | Lingkup::SubKegiatan => &[
            "pagu",
            "realisasi_anggaran",
            "serapan",
            "tercatat_pagu",
            "tercatat_realisasi_anggaran",
            "tercatat_serapan",
        ],
        Lingkup::PosAnggaran => &["pagu", "realisasi_anggaran"],
        Lingkup::Indikator => &[
            "target",
            "realisasi",
            "capaian",
            "realisasi_lalu",
            "tercatat_capaian",
        ],
    }
}

/// Parses a rules file (TOML, `[[aturan]]` tables) and checks every expression and data element.
pub fn baca(teks: &str) -> Result<BerkasAturan, GalatAturan> {
    let b: BerkasTeks = toml::from_str(teks).map_err(|e| GalatAturan::Toml(e.to_string()))?;
    let mut ids = std::collections::HashSet::new();
    let mut out = Vec::new();
    for a in b.aturan {
        if !ids.insert(a.id.clone()) {
            return Err(GalatAturan::Ganda(a.id));
        }
        let parse = |t: &str, sisi| {
            Ekspresi::parse(t).map_err(|sumber| GalatAturan::Ekspresi {
                id: a.id.clone(),
                sisi,
                sumber,
            })
        };
        let kiri = parse(&a.kiri, "kiri")?;
        let kanan = parse(&a.kanan, "kanan")?;
        let tersedia = data_lingkup(a.lingkup);
        for n in kiri.rujukan().into_iter().chain(kanan.rujukan()) {
            if !tersedia.contains(&n) {
                return Err(GalatAturan::Data {
                    id: a.id.clone(),
                    nama: n.to_string(),
                    lingkup: a.lingkup,
                    tersedia: tersedia.join(", "),
                });
            }
        }
        out.push(Aturan {
            id: a.id,
            nama: a.nama,
            lingkup: a.lingkup,
            kiri,
            operator: a.operator,
            kanan,
            kosong: a.kosong,
            tingkat: a.tingkat,
            pesan: a.pesan,
            satuan: a.satuan,
            bulatkan: a.bulatkan,
        });
    }
    Ok(out)
}

/// The built-in rules that can be written in these terms (plausibility, percentages against
/// their parts). They ship as `bawaan.toml`, the same format an inspektorat writes.
pub fn bawaan() -> BerkasAturan {
    baca(include_str!("bawaan.toml")).unwrap_or_else(|e| panic!("bawaan.toml: {e}"))
}

/// One item of a scope: where it is, its key, and its data elements.
struct Butir {
    lokasi: LokasiTemuan,
    kunci: String,
    data: Vec<(&'static str, Option<Decimal>)>,
    satuan: Option<String>,
}

fn tercatat(k: &Konteks, subjek: &Subjek, ukuran: Ukuran) -> Option<Decimal> {
    k.data.tercatat.iter().find_map(|t| match &t.nilai {
        NilaiTercatat::Angka(v)
            if &t.subjek == subjek
                && t.ukuran == ukuran
                && t.milik_tahun(k.tahun)
                && t.tahun_angka().is_none_or(|y| y == k.tahun) =>
        {
            Some(*v)
        }
        _ => None,
    })
}

fn butir(k: &Konteks, l: Lingkup) -> Vec<Butir> {
    let d = k.data;
    let t = k.tahun;
    let dok_anggaran = format!("Anggaran {t}");
    let r = k.anggaran(t);
    let serapan = |s: &kinerja_core::anggaran::Serapan| {
        vec![
            ("pagu", Some(s.pagu.nilai())),
            ("realisasi_anggaran", s.realisasi.map(|x| x.nilai())),
            ("serapan", s.persen),
        ]
    };
    // A program or kegiatan: its computed budget figures and the ones stated for it.
    let butir_anggaran = |subjek: Subjek,
                          sr: &kinerja_core::anggaran::Serapan,
                          nama: Option<String>,
                          tabel: &str,
                          kunci: String| {
        let mut data = serapan(sr);
        data.push(("tercatat_pagu", tercatat(k, &subjek, Ukuran::Pagu)));
        data.push((
            "tercatat_realisasi_anggaran",
            tercatat(k, &subjek, Ukuran::RealisasiAnggaran),
        ));
        data.push(("tercatat_serapan", tercatat(k, &subjek, Ukuran::Serapan)));
        Butir {
            lokasi: LokasiTemuan {
                dokumen: dok_anggaran.clone(),
                tabel: tabel.into(),
                baris: nama,
            },
            kunci,
            data,
            satuan: None,
        }
    };
    match l {
        Lingkup::Instansi => {
            let mut data = serapan(&r.total);
            data.push(("pagu_program", Some(r.program_total.pagu.nilai())));
            data.push((
                "realisasi_program",
                r.program_total.realisasi.map(|x| x.nilai()),
            ));
            data.push(("jumlah_sasaran", Some(Decimal::from(d.sasaran.len()))));
            data.push((
                "jumlah_indikator",
                Some(Decimal::from(k.pengukuran(t).baris.len())),
            ));
            vec![Butir {
                lokasi: LokasiTemuan {
                    dokumen: k.dokumen_instansi(),
                    tabel: "Keseluruhan".into(),
                    baris: None,
                },
                kunci: "instansi".into(),
                data,
                satuan: None,
            }]
        }
        Lingkup::Program => r
            .program
            .iter()
            .map(|p| {
                let nama = d
                    .program
                    .iter()
                    .find(|x| x.id == p.program)
                    .map(|x| x.nama.clone());
                butir_anggaran(
                    Subjek::Program(p.program.clone()),
                    &p.serapan,
                    nama,
                    "Program",
                    format!("program:{}", p.program),
                )
            })
            .collect(),
        Lingkup::Kegiatan => r
            .program
            .iter()
            .flat_map(|p| &p.kegiatan)
            .map(|g| {
                let nama = d
                    .kegiatan
                    .iter()
                    .find(|x| x.id == g.kegiatan)
                    .map(|x| x.nama.clone());
                butir_anggaran(
                    Subjek::Kegiatan(g.kegiatan.clone()),
                    &g.serapan,
                    nama,
                    "Kegiatan",
                    format!("kegiatan:{}", g.kegiatan),
                )
            })
            .collect(),
        Lingkup::SubKegiatan => r
            .program
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|g| &g.sub_kegiatan)
            .map(|g| {
                let nama = d
                    .sub_kegiatan
                    .iter()
                    .find(|x| x.id == g.sub_kegiatan)
                    .map(|x| x.nama.clone());
                butir_anggaran(
                    Subjek::SubKegiatan(g.sub_kegiatan.clone()),
                    &g.serapan,
                    nama,
                    "Sub kegiatan",
                    format!("sub_kegiatan:{}", g.sub_kegiatan),
                )
            })
            .collect(),
        Lingkup::PosAnggaran => d
            .anggaran
            .iter()
            .filter(|p| p.tahun == t)
            .map(|p| Butir {
                lokasi: LokasiTemuan {
                    dokumen: dok_anggaran.clone(),
                    tabel: "Pos anggaran".into(),
                    baris: Some(p.id.to_string()),
                },
                kunci: format!("pos:{}", p.id),
                data: vec![
                    ("pagu", Some(p.pagu_berlaku().nilai())),
                    ("realisasi_anggaran", p.realisasi_tahun().map(|x| x.nilai())),
                ],
                satuan: None,
            })
            .collect(),
        Lingkup::Indikator => d
            .indikator
            .iter()
            .filter(|i| {
                k.ix.realisasi_tahunan(i, t).is_some() || k.ix.target_pengukuran(&i.id, t).is_some()
            })
            .map(|i| {
                let target = k.ix.target_pengukuran(&i.id, t);
                let real = k.ix.realisasi_tahunan(i, t);
                let lalu = t.mundur(1).and_then(|y| k.ix.realisasi_tahunan(i, y));
                let c =
                    k.ix.capaian(i, target.map(|x| &x.nilai), real.as_ref().map(|r| &r.nilai));
                Butir {
                    lokasi: LokasiTemuan {
                        dokumen: k.dokumen_indikator(target),
                        tabel: "Pengukuran kinerja".into(),
                        baris: Some(i.uraian.clone()),
                    },
                    kunci: format!("indikator:{}", i.id),
                    data: vec![
                        ("target", target.and_then(|x| x.nilai.angka_setara())),
                        (
                            "realisasi",
                            real.as_ref().and_then(|r| r.nilai.angka_setara()),
                        ),
                        ("capaian", c.persen()),
                        ("realisasi_lalu", lalu.and_then(|r| r.nilai.angka_setara())),
                        (
                            "tercatat_capaian",
                            tercatat(k, &Subjek::Indikator(i.id.clone()), Ukuran::Capaian),
                        ),
                    ],
                    satuan: i.satuan.clone(),
                }
            })
            .collect(),
    }
}

pub(crate) fn jalankan(k: &Konteks, a: &Aturan, out: &mut Vec<Temuan>) {
    for b in butir(k, a.lingkup) {
        if let Some(s) = &a.satuan
            && b.satuan.as_deref().map(str::trim) != Some(s.trim())
        {
            continue;
        }
        let rujukan: Vec<&str> = a
            .kiri
            .rujukan()
            .into_iter()
            .chain(a.kanan.rujukan())
            .collect();
        let ada = |n: &str| b.data.iter().any(|(k, v)| *k == n && v.is_some());
        if a.kosong.lewati(rujukan.iter().map(|n| ada(n))) {
            continue;
        }
        let nol = a.kosong.kosong_nol();
        let data = |n: &str| b.data.iter().find(|(k, _)| *k == n).and_then(|(_, v)| *v);
        let (Some(kiri), Some(kanan)) = (a.kiri.nilai(&data, nol), a.kanan.nilai(&data, nol))
        else {
            continue;
        };
        let bulat = a.bulatkan.map(|dp| presisi_banding(a, kiri, dp));
        let kanan_banding = bulat.map(|dp| bulatkan(kanan, dp)).unwrap_or(kanan);
        if a.operator.uji(kiri, kanan_banding) {
            continue;
        }
        let dp = bulat.unwrap_or(2);
        out.push(Temuan {
            aturan: a.id.clone(),
            tingkat: a.tingkat,
            lokasi: b.lokasi,
            pesan: format!(
                "{} (kiri {} {} kanan {} tidak terpenuhi)",
                a.pesan,
                format_angka(
                    kiri,
                    kiri.scale()
                        .min(dp)
                        .max(if kiri.fract().is_zero() { 0 } else { dp })
                ),
                a.operator.teks(),
                format_angka(kanan, dp)
            ),
            tercatat: None,
            dihitung: Some(kiri),
            pembulatan: bulat
                .map(|dp| format!("sisi kanan dibulatkan ke {dp} desimal (setengah menjauhi nol)")),
            kunci: b.kunci,
            diterima: None,
        });
    }
}

/// The decimals the right side is rounded to: the rule's `bulatkan`, or fewer when the left side
/// is one stated figure printed with fewer (a figure is checked at the precision it was printed).
fn presisi_banding(a: &Aturan, kiri: Decimal, bulatkan: u32) -> u32 {
    match &a.kiri {
        Ekspresi::Data(n) if n.starts_with("tercatat_") => bulatkan.min(kiri.scale()),
        _ => bulatkan,
    }
}

impl FromStr for Lingkup {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "instansi" => Ok(Lingkup::Instansi),
            "program" => Ok(Lingkup::Program),
            "kegiatan" => Ok(Lingkup::Kegiatan),
            "sub_kegiatan" => Ok(Lingkup::SubKegiatan),
            "pos_anggaran" => Ok(Lingkup::PosAnggaran),
            "indikator" => Ok(Lingkup::Indikator),
            _ => Err(format!("lingkup \"{s}\" tidak dikenal")),
        }
    }
}
