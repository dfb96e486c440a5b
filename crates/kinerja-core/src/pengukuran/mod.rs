//! Pengukuran: the measurement of a year, per indicator and per sasaran, with the comparisons
//! Bab III asks for (earlier years, the end-of-Renstra target, the national figure).
//!
//! Which target measures a year: the most specific document that states one, in the order
//! Pengukuran (the report's own measurement table), Perjanjian Kinerja, RKT, Renstra. Each row
//! says which document it used, so that a reader (and the reviu) can see it.

use crate::capaian::{self, AturanCapaian, Capaian};
use crate::id::*;
use crate::model::*;
use crate::nilai::Nilai;
use crate::predikat::{Predikat, SkalaPredikat};
use crate::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

mod rumus;
pub use rumus::kemajuan_awal;

/// How the year's realisasi was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsalRealisasi {
    Tahunan,
    /// Formed from `jumlah` quarterly figures by the indicator's rule.
    Triwulan {
        cara: CaraTahunan,
        jumlah: usize,
    },
    /// The nilai konversi (IKM x 25) of a survey in the data that names this indicator.
    Skm {
        survei: SurveiId,
    },
    /// Computed by the indicator's formula from its data elements (`crate::rumus`).
    Rumus {
        hasil: crate::rumus::HasilRumus,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RealisasiTahunan {
    pub nilai: Nilai,
    pub asal: AsalRealisasi,
}

/// Lookups over one instansi's data, built once.
pub struct Indeks<'a> {
    pub data: &'a DataInstansi,
    indikator: HashMap<&'a IndikatorId, &'a Indikator>,
    sasaran: HashMap<&'a SasaranId, &'a Sasaran>,
    tujuan: HashMap<&'a TujuanId, &'a Tujuan>,
    renstra: HashMap<&'a RenstraId, &'a Renstra>,
    target: HashMap<(&'a IndikatorId, Tahun, DokumenTarget), &'a Target>,
    realisasi: HashMap<(&'a IndikatorId, Tahun, Periode), &'a Realisasi>,
    pembanding: HashMap<(&'a IndikatorId, Tahun, &'a str), &'a Pembanding>,
    nilai_data: HashMap<(&'a str, &'a InstansiId, Tahun, Periode), Decimal>,
    pub skala: SkalaPredikat,
    pub aturan: AturanCapaian,
}

impl<'a> Indeks<'a> {
    /// Assumes `validasi::periksa(data)` found nothing; unresolved references read as absent.
    pub fn new(data: &'a DataInstansi) -> Indeks<'a> {
        let (skala, aturan) = match &data.pengaturan {
            Some(p) => (
                data.skala
                    .iter()
                    .cloned()
                    .chain(SkalaPredikat::bawaan())
                    .find(|s| s.id == p.skala)
                    .unwrap_or_else(SkalaPredikat::lkjip_empat_tingkat),
                AturanCapaian {
                    rumus_negatif: p.rumus_negatif,
                    batas_atas: p.batas_atas,
                },
            ),
            None => (
                SkalaPredikat::lkjip_empat_tingkat(),
                AturanCapaian::default(),
            ),
        };
        Indeks {
            data,
            indikator: data.indikator.iter().map(|x| (&x.id, x)).collect(),
            sasaran: data.sasaran.iter().map(|x| (&x.id, x)).collect(),
            tujuan: data.tujuan.iter().map(|x| (&x.id, x)).collect(),
            renstra: data.renstra.iter().map(|x| (&x.id, x)).collect(),
            target: data
                .target
                .iter()
                .map(|x| ((&x.indikator, x.tahun, x.dokumen), x))
                .collect(),
            realisasi: data
                .realisasi
                .iter()
                .map(|x| ((&x.indikator, x.tahun, x.periode), x))
                .collect(),
            pembanding: data
                .pembanding
                .iter()
                .map(|x| ((&x.indikator, x.tahun, x.lingkup.as_str()), x))
                .collect(),
            nilai_data: data
                .nilai_data
                .iter()
                .map(|x| {
                    (
                        (x.elemen.as_str(), &x.instansi, x.tahun, x.periode),
                        x.nilai,
                    )
                })
                .collect(),
            skala,
            aturan,
        }
    }

    pub fn indikator(&self, id: &IndikatorId) -> Option<&'a Indikator> {
        self.indikator.get(id).copied()
    }
    pub fn sasaran(&self, id: &SasaranId) -> Option<&'a Sasaran> {
        self.sasaran.get(id).copied()
    }

    pub fn target(
        &self,
        ind: &IndikatorId,
        tahun: Tahun,
        dok: DokumenTarget,
    ) -> Option<&'a Target> {
        self.target.get(&(ind, tahun, dok)).copied()
    }

    /// The target that measures a year, by the document precedence above.
    pub fn target_pengukuran(&self, ind: &IndikatorId, tahun: Tahun) -> Option<&'a Target> {
        DokumenTarget::URUTAN_PENGUKURAN
            .iter()
            .find_map(|d| self.target(ind, tahun, *d))
    }

    /// The year's realisasi: the annual figure if entered, otherwise formed from the quarters.
    /// A formula indicator's is computed from its data elements (a typed one is only stated:
    /// `realisasi_tertulis`).
    pub fn realisasi_tahunan(&self, ind: &Indikator, tahun: Tahun) -> Option<RealisasiTahunan> {
        if ind.rumus.is_some() {
            return match self.hasil_rumus(ind, tahun, Periode::Tahunan)? {
                Ok(hasil) => Some(RealisasiTahunan {
                    nilai: Nilai::dihitung(hasil.nilai, 2),
                    asal: AsalRealisasi::Rumus { hasil },
                }),
                Err(_) => None,
            };
        }
        if let Some(r) = self.realisasi.get(&(&ind.id, tahun, Periode::Tahunan)) {
            return Some(RealisasiTahunan {
                nilai: r.nilai.clone(),
                asal: AsalRealisasi::Tahunan,
            });
        }
        let tw: Vec<&Realisasi> = Periode::TRIWULAN
            .iter()
            .filter_map(|p| self.realisasi.get(&(&ind.id, tahun, *p)).copied())
            .collect();
        let Some(last) = tw.last() else {
            return self.realisasi_survei(ind, tahun);
        };
        let asal = AsalRealisasi::Triwulan {
            cara: ind.cara_tahunan,
            jumlah: tw.len(),
        };
        let nilai = match ind.cara_tahunan {
            CaraTahunan::Terakhir => last.nilai.clone(),
            CaraTahunan::Jumlah | CaraTahunan::RataRata | CaraTahunan::Maksimum => {
                // A sum, mean or maximum needs every quarter as a number; a label cannot be
                // added.
                let angka: Option<Vec<Decimal>> =
                    tw.iter().map(|r| r.nilai.angka_setara()).collect();
                Nilai::hasil(crate::rumus::gabung_triwulan(ind.cara_tahunan, &angka?)?)
            }
        };
        Some(RealisasiTahunan { nilai, asal })
    }

    /// An SKM indicator with no realisasi typed: the survey of that year that names it, when its
    /// index can be computed. Printed with two decimals, computed exactly.
    pub fn realisasi_survei(&self, ind: &Indikator, tahun: Tahun) -> Option<RealisasiTahunan> {
        let s = self
            .data
            .skm
            .iter()
            .find(|s| s.tahun == tahun && s.indikator.as_ref() == Some(&ind.id))?;
        let hasil = crate::skm::hasil_survei(s)?.ok()?;
        Some(RealisasiTahunan {
            nilai: Nilai::dihitung(hasil.nik, 2),
            asal: AsalRealisasi::Skm {
                survei: s.id.clone(),
            },
        })
    }

    /// The Renstra an indicator belongs to, through its sasaran or tujuan.
    pub fn renstra_indikator(&self, ind: &Indikator) -> Option<&'a Renstra> {
        let tujuan = match &ind.pemilik {
            Pemilik::Tujuan(t) => self.tujuan.get(t).copied(),
            Pemilik::Sasaran(s) => self
                .sasaran
                .get(s)
                .and_then(|s| self.tujuan.get(&s.tujuan).copied()),
            _ => None,
        }?;
        self.renstra.get(&tujuan.renstra).copied()
    }

    pub fn capaian(
        &self,
        ind: &Indikator,
        target: Option<&Nilai>,
        realisasi: Option<&Nilai>,
    ) -> Capaian {
        capaian::hitung(ind.polaritas, target, realisasi, &self.aturan)
    }

    pub fn predikat(&self, c: &Capaian) -> Option<Predikat> {
        c.persen().map(|p| self.skala.predikat(p))
    }
}

/// One row of the measurement table (Tabel 3.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisPengukuran {
    pub sasaran: SasaranId,
    pub indikator: IndikatorId,
    pub target: Option<Nilai>,
    pub dokumen_target: Option<DokumenTarget>,
    pub realisasi: Option<RealisasiTahunan>,
    pub capaian: Capaian,
    pub predikat: Option<Predikat>,
}

/// A sasaran's capaian: the mean of its indicators' available capaian.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapaianSasaran {
    pub sasaran: SasaranId,
    pub jumlah_indikator: usize,
    /// Indicators whose capaian could be computed; the mean is over these.
    pub jumlah_terukur: usize,
    pub capaian: Option<Decimal>,
    pub predikat: Option<Predikat>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabelPengukuran {
    pub tahun: Tahun,
    pub baris: Vec<BarisPengukuran>,
    pub sasaran: Vec<CapaianSasaran>,
}

fn urut_sasaran<'a>(ix: &Indeks<'a>) -> Vec<&'a Sasaran> {
    let mut s: Vec<&Sasaran> = ix.data.sasaran.iter().collect();
    s.sort_by_key(|s| {
        let t = ix.tujuan.get(&s.tujuan).map(|t| t.nomor).unwrap_or(0);
        (t, s.nomor)
    });
    s
}

/// The indicators of a sasaran in their order.
pub fn indikator_sasaran<'a>(ix: &Indeks<'a>, sasaran: &SasaranId) -> Vec<&'a Indikator> {
    let mut v: Vec<&Indikator> = ix
        .data
        .indikator
        .iter()
        .filter(|i| matches!(&i.pemilik, Pemilik::Sasaran(s) if s == sasaran))
        .collect();
    v.sort_by_key(|i| i.nomor);
    v
}

/// The measurement of `tahun`: every sasaran indicator, then every sasaran.
pub fn ukur(ix: &Indeks<'_>, tahun: Tahun) -> TabelPengukuran {
    let mut baris = Vec::new();
    let mut per_sasaran = Vec::new();
    for s in urut_sasaran(ix) {
        let inds = indikator_sasaran(ix, &s.id);
        let mut cs = Vec::new();
        for ind in &inds {
            let target = ix.target_pengukuran(&ind.id, tahun);
            let (realisasi, capaian) = ix.ukur_indikator(ind, tahun, target.map(|t| &t.nilai));
            cs.push(capaian);
            baris.push(BarisPengukuran {
                sasaran: s.id.clone(),
                indikator: ind.id.clone(),
                target: target.map(|t| t.nilai.clone()),
                dokumen_target: target.map(|t| t.dokumen),
                realisasi,
                predikat: ix.predikat(&capaian),
                capaian,
            });
        }
        let rata = capaian::rata_rata(&cs);
        per_sasaran.push(CapaianSasaran {
            sasaran: s.id.clone(),
            jumlah_indikator: inds.len(),
            jumlah_terukur: cs.iter().filter(|c| c.persen().is_some()).count(),
            capaian: rata,
            predikat: rata.map(|r| ix.skala.predikat(r)),
        });
    }
    TabelPengukuran {
        tahun,
        baris,
        sasaran: per_sasaran,
    }
}

/// Realisasi to date against the end-of-Renstra target (Bab III analysis 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TingkatKemajuan {
    pub indikator: IndikatorId,
    pub tahun_akhir: Option<Tahun>,
    pub target_akhir: Option<Nilai>,
    pub realisasi: Option<RealisasiTahunan>,
    pub kemajuan: Capaian,
    /// The baseline (`Indikator::kondisi_awal`).
    pub kondisi_awal: Option<Nilai>,
    /// Progress from the baseline toward the end target, percent:
    /// (realisasi - kondisi awal) / (target akhir - kondisi awal) x 100 (`kemajuan_awal`).
    pub kemajuan_awal: Capaian,
}

pub fn tingkat_kemajuan(ix: &Indeks<'_>, ind: &Indikator, tahun: Tahun) -> TingkatKemajuan {
    let renstra = ix.renstra_indikator(ind);
    let tahun_akhir = renstra.map(|r| r.tahun_akhir);
    let target_akhir = ind.target_akhir.clone().or_else(|| {
        tahun_akhir
            .and_then(|t| ix.target(&ind.id, t, DokumenTarget::Renstra))
            .map(|t| t.nilai.clone())
    });
    let (realisasi, kemajuan) = ix.ukur_indikator(ind, tahun, target_akhir.as_ref());
    let kemajuan_awal = kemajuan_awal(
        ind.kondisi_awal.as_ref(),
        target_akhir.as_ref(),
        realisasi.as_ref().map(|r| &r.nilai),
    );
    TingkatKemajuan {
        indikator: ind.id.clone(),
        tahun_akhir,
        target_akhir,
        realisasi,
        kemajuan,
        kondisi_awal: ind.kondisi_awal.clone(),
        kemajuan_awal,
    }
}

/// One year of an indicator's history (Bab III analysis 2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TahunRiwayat {
    pub tahun: Tahun,
    pub target: Option<Nilai>,
    pub realisasi: Option<RealisasiTahunan>,
    pub capaian: Capaian,
    /// Realisasi minus the previous year's, when both are numbers.
    pub perubahan: Option<Decimal>,
}

/// From the start of the indicator's Renstra (or 4 years back) up to `tahun`.
pub fn riwayat(ix: &Indeks<'_>, ind: &Indikator, tahun: Tahun) -> Vec<TahunRiwayat> {
    let awal = ix
        .renstra_indikator(ind)
        .map(|r| r.tahun_awal)
        .filter(|a| *a <= tahun)
        .unwrap_or_else(|| tahun.mundur(4).unwrap_or(tahun));
    let mut out: Vec<TahunRiwayat> = Vec::new();
    for t in awal.get()..=tahun.get() {
        let Ok(t) = Tahun::new(t as i64) else {
            continue;
        };
        let target = ix.target_pengukuran(&ind.id, t).map(|x| x.nilai.clone());
        let (realisasi, capaian) = ix.ukur_indikator(ind, t, target.as_ref());
        let sebelum = out
            .last()
            .and_then(|p| p.realisasi.as_ref())
            .and_then(|r| r.nilai.angka_setara());
        let kini = realisasi.as_ref().and_then(|r| r.nilai.angka_setara());
        out.push(TahunRiwayat {
            tahun: t,
            target,
            realisasi,
            capaian,
            // In range: a year's realisasi is at most 4·10^15 (four quarters at the bound).
            perubahan: sebelum.zip(kini).map(|(a, b)| b - a),
        });
    }
    out
}

/// The year's realisasi set beside a comparison figure (Bab III analysis 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Perbandingan {
    pub indikator: IndikatorId,
    pub lingkup: String,
    pub realisasi: Option<Nilai>,
    pub pembanding: Option<Nilai>,
    /// Realisasi minus the comparison figure.
    pub selisih: Option<Decimal>,
    /// Whether the instansi does better, read with the indicator's polarity (`None` when equal,
    /// unknown, or the polarity is a range).
    pub lebih_baik: Option<bool>,
}

pub fn bandingkan(ix: &Indeks<'_>, ind: &Indikator, tahun: Tahun, lingkup: &str) -> Perbandingan {
    let realisasi = ix.realisasi_tahunan(ind, tahun).map(|r| r.nilai);
    let pembanding = ix
        .pembanding
        .get(&(&ind.id, tahun, lingkup))
        .map(|p| p.nilai.clone());
    let selisih = realisasi
        .as_ref()
        .and_then(Nilai::angka_setara)
        .zip(pembanding.as_ref().and_then(Nilai::angka_setara))
        // In range: a realisasi is at most 4·10^15, a comparison figure at most 10^15.
        .map(|(r, n)| r - n);
    let lebih_baik = selisih.and_then(|d| {
        if d.is_zero() {
            return None;
        }
        match ind.polaritas {
            Polaritas::Positif => Some(d > Decimal::ZERO),
            Polaritas::Negatif => Some(d < Decimal::ZERO),
            Polaritas::Rentang => None,
        }
    });
    Perbandingan {
        indikator: ind.id.clone(),
        lingkup: lingkup.to_string(),
        realisasi,
        pembanding,
        selisih,
        lebih_baik,
    }
}

#[cfg(test)]
mod tests;
