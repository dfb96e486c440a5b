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

    /// The realisasi typed for the year (annual), whatever the indicator: for a formula
    /// indicator a stated figure the reviu compares with the computed one.
    pub fn realisasi_tertulis(&self, ind: &IndikatorId, tahun: Tahun) -> Option<&'a Realisasi> {
        self.realisasi.get(&(ind, tahun, Periode::Tahunan)).copied()
    }

    /// The instansi whose data element values a formula indicator of this data set reads: its
    /// Renstra's, else the one instansi of the data set's Renstra.
    pub fn instansi_indikator(&self, ind: &Indikator) -> Option<&'a InstansiId> {
        if let Some(r) = self.renstra_indikator(ind) {
            return Some(&r.instansi);
        }
        let mut semua = self.data.renstra.iter().map(|r| &r.instansi);
        let pertama = semua.next()?;
        semua.all(|i| i == pertama).then_some(pertama)
    }

    /// A data element's value for an instansi and period. For the year: the annual value if
    /// entered, else the quarters entered combined by `cara` (`rumus::gabung_triwulan`).
    pub fn nilai_elemen(
        &self,
        elemen: &str,
        instansi: &InstansiId,
        tahun: Tahun,
        periode: Periode,
        cara: CaraTahunan,
    ) -> Option<Decimal> {
        if let Some(v) = self.nilai_data.get(&(elemen, instansi, tahun, periode)) {
            return Some(*v);
        }
        if periode != Periode::Tahunan {
            return None;
        }
        let tw: Vec<Decimal> = Periode::TRIWULAN
            .iter()
            .filter_map(|p| self.nilai_data.get(&(elemen, instansi, tahun, *p)).copied())
            .collect();
        crate::rumus::gabung_triwulan(cara, &tw)
    }

    /// A formula indicator's result for a period (`None`: not a formula indicator), with the
    /// reason when it is not available.
    pub fn hasil_rumus(
        &self,
        ind: &Indikator,
        tahun: Tahun,
        periode: Periode,
    ) -> Option<Result<crate::rumus::HasilRumus, capaian::AlasanTidakTersedia>> {
        let rumus = ind.rumus.as_ref()?;
        let Some(inst) = self.instansi_indikator(ind) else {
            return Some(Err(capaian::AlasanTidakTersedia::DataKosong));
        };
        let data = |n: &str| self.nilai_elemen(n, inst, tahun, periode, ind.cara_tahunan);
        Some(crate::rumus::hitung(rumus, &data))
    }

    /// A formula indicator's numerator and denominator for a period (`None`: not a formula
    /// indicator).
    pub fn bagian_rumus(
        &self,
        ind: &Indikator,
        tahun: Tahun,
        periode: Periode,
    ) -> Option<Result<crate::rumus::Bagian, capaian::AlasanTidakTersedia>> {
        let rumus = ind.rumus.as_ref()?;
        let Some(inst) = self.instansi_indikator(ind) else {
            return Some(Err(capaian::AlasanTidakTersedia::DataKosong));
        };
        let data = |n: &str| self.nilai_elemen(n, inst, tahun, periode, ind.cara_tahunan);
        Some(crate::rumus::bagian(rumus, &data))
    }

    /// The year's realisasi and its capaian against `target`; a formula indicator whose
    /// realisasi is not available says why (a missing element, a denominator of 0).
    pub fn ukur_indikator(
        &self,
        ind: &Indikator,
        tahun: Tahun,
        target: Option<&Nilai>,
    ) -> (Option<RealisasiTahunan>, Capaian) {
        let realisasi = self.realisasi_tahunan(ind, tahun);
        let capaian = match (&realisasi, self.hasil_rumus(ind, tahun, Periode::Tahunan)) {
            (None, Some(Err(alasan))) if target.is_some() => Capaian::TidakTersedia { alasan },
            _ => self.capaian(ind, target, realisasi.as_ref().map(|r| &r.nilai)),
        };
        (realisasi, capaian)
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

/// (realisasi - kondisi awal) / (target akhir - kondisi awal) x 100, exact.
///
/// Decisions: the formula needs no polarity (a negative-polarity indicator plans a fall,
/// target akhir below kondisi awal, and a fall achieved divides a negative by a negative); a
/// realisasi that moved away from the target gives a negative figure and one past the target
/// more than 100, neither clipped (this is a distance covered, not a capaian); a target akhir
/// equal to the kondisi awal plans no change, so there is no share to measure (not
/// available, `TargetAkhirSamaKondisiAwal`); a label or a range has no number (not available).
pub fn kemajuan_awal(
    kondisi_awal: Option<&Nilai>,
    target_akhir: Option<&Nilai>,
    realisasi: Option<&Nilai>,
) -> Capaian {
    use capaian::AlasanTidakTersedia::*;
    let na = |alasan| Capaian::TidakTersedia { alasan };
    let Some(ka) = kondisi_awal else {
        return na(KondisiAwalKosong);
    };
    let Some(ta) = target_akhir else {
        return na(TargetKosong);
    };
    let Some(r) = realisasi else {
        return na(RealisasiKosong);
    };
    let (Some(ka), Some(ta)) = (ka.angka_setara(), ta.angka_setara()) else {
        return na(TargetKualitatif);
    };
    let Some(r) = r.angka_setara() else {
        return na(RealisasiKualitatif);
    };
    if ta == ka {
        return na(TargetAkhirSamaKondisiAwal);
    }
    // In range: every figure is at most 4·10^15, so the differences and the product by 100 are
    // far inside `Decimal`.
    let Some(tepat) = crate::tepat::Pecahan::new((r - ka) * Decimal::ONE_HUNDRED, ta - ka) else {
        return na(MelebihiBatas);
    };
    match tepat.desimal() {
        Some(persen) => Capaian::Ada {
            persen,
            dibatasi: None,
            tepat,
        },
        None => na(MelebihiBatas),
    }
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
mod tests {
    use super::*;
    use crate::angka::bulatkan;
    use crate::uji::*;
    use rust_decimal_macros::dec;

    #[test]
    fn seed_table_3_1_uses_the_measurement_targets() {
        let d = mumbulsari();
        let ix = Indeks::new(&d);
        let t = ukur(&ix, tahun(2020));
        assert_eq!(t.baris.len(), 3);
        // SKM: 70,89 / 80 x 100 = 88,6125 -> 88,61 % Baik (target from Tabel 3.1, not the PK's
        // "B (100%)" nor the Renstra's 85).
        let skm = &t.baris[0];
        assert_eq!(skm.dokumen_target, Some(DokumenTarget::Pengukuran));
        assert_eq!(skm.capaian.persen(), Some(dec!(88.6125)));
        assert_eq!(skm.predikat.as_ref().unwrap().label, "Baik");
        assert_eq!(t.baris[1].capaian.persen(), Some(dec!(86.90)));
        assert_eq!(t.baris[2].capaian.persen(), Some(dec!(90)));
        // Per sasaran: S1 = 88,6125; S2 = (86,90 + 90) / 2 = 88,45. The seed's text says 80 %
        // and 85 %.
        assert_eq!(t.sasaran[0].capaian, Some(dec!(88.6125)));
        assert_eq!(t.sasaran[1].capaian, Some(dec!(88.45)));
        assert_eq!(t.sasaran[1].jumlah_terukur, 2);
        assert_eq!(t.sasaran[1].predikat.as_ref().unwrap().label, "Baik");
    }

    #[test]
    fn a_sasaran_mean_on_a_midpoint_is_the_exact_mean() {
        // Sasaran 2 with three indicators, positive polarity: targets 3, 6, 600 and realisasi
        // 1, 5, 667,91. Capaian 100/3, 500/6 and 66791/600 %: sum 136791/600 = 227,985, mean
        // 75,995 exactly, printed 76,00 % and Baik (from 76). Cut 28-digit quotients summed to
        // 227,98499...9 and printed 75,99 % Cukup.
        let mut d = mumbulsari();
        d.target.retain(|t| t.indikator.as_str() == "SKM");
        d.realisasi.retain(|r| r.indikator.as_str() == "SKM");
        d.indikator
            .push(indikator("X3", "S2", 3, Polaritas::Positif));
        for (i, t, r) in [
            ("REKOM", "3", "1"),
            ("DESA", "6", "5"),
            ("X3", "600", "667,91"),
        ] {
            d.target.push(target(i, 2020, DokumenTarget::Pengukuran, t));
            d.realisasi.push(realisasi(i, 2020, Periode::Tahunan, r));
        }
        let ix = Indeks::new(&d);
        let t = ukur(&ix, tahun(2020));
        let s2 = &t.sasaran[1];
        assert_eq!(s2.jumlah_terukur, 3);
        assert_eq!(s2.capaian, Some(dec!(75.995)));
        assert_eq!(
            crate::angka::format_persen(s2.capaian.unwrap(), 2),
            "76,00 %"
        );
        assert_eq!(s2.predikat.as_ref().unwrap().label, "Baik");
    }

    #[test]
    fn without_a_measurement_target_the_pk_then_the_renstra_is_used() {
        let mut d = mumbulsari();
        d.target.retain(|t| t.dokumen != DokumenTarget::Pengukuran);
        let ix = Indeks::new(&d);
        let t = ukur(&ix, tahun(2020));
        // PK "B (100%)": 70,89 / 100 = 70,89 % -> Cukup.
        assert_eq!(
            t.baris[0].dokumen_target,
            Some(DokumenTarget::PerjanjianKinerja)
        );
        assert_eq!(t.baris[0].predikat.as_ref().unwrap().label, "Cukup");
        d.target
            .retain(|t| t.dokumen != DokumenTarget::PerjanjianKinerja);
        let ix = Indeks::new(&d);
        let t = ukur(&ix, tahun(2020));
        // Renstra 85: 70,89 / 85 = 83,4000 %.
        assert_eq!(t.baris[0].dokumen_target, Some(DokumenTarget::Renstra));
        assert_eq!(
            bulatkan(t.baris[0].capaian.persen().unwrap(), 2),
            dec!(83.40)
        );
    }

    #[test]
    fn a_sasaran_without_any_realisasi_has_no_capaian() {
        let mut d = mumbulsari();
        d.realisasi.retain(|r| r.indikator.as_str() == "SKM");
        let ix = Indeks::new(&d);
        let t = ukur(&ix, tahun(2020));
        assert_eq!(t.sasaran[1].capaian, None);
        assert_eq!(t.sasaran[1].predikat, None);
        assert_eq!(t.sasaran[1].jumlah_terukur, 0);
    }

    #[test]
    fn quarterly_realisasi_forms_the_year() {
        let mut d = mumbulsari();
        d.realisasi.retain(|r| r.indikator.as_str() != "REKOM");
        for (p, v) in [
            (Periode::Tw1, "20"),
            (Periode::Tw2, "45"),
            (Periode::Tw3, "70"),
        ] {
            d.realisasi.push(realisasi("REKOM", 2020, p, v));
        }
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("REKOM").unwrap()).unwrap();
        // Cumulative (the default): the latest quarter, TW III = 70.
        let r = ix.realisasi_tahunan(ind, tahun(2020)).unwrap();
        assert_eq!(r.nilai.angka_setara(), Some(dec!(70)));
        assert_eq!(
            r.asal,
            AsalRealisasi::Triwulan {
                cara: CaraTahunan::Terakhir,
                jumlah: 3
            }
        );
        // Counts: 20 + 45 + 70 = 135; mean 135 / 3 = 45.
        let mut jumlah = ind.clone();
        jumlah.cara_tahunan = CaraTahunan::Jumlah;
        assert_eq!(
            ix.realisasi_tahunan(&jumlah, tahun(2020))
                .unwrap()
                .nilai
                .angka_setara(),
            Some(dec!(135))
        );
        jumlah.cara_tahunan = CaraTahunan::RataRata;
        assert_eq!(
            ix.realisasi_tahunan(&jumlah, tahun(2020))
                .unwrap()
                .nilai
                .angka_setara(),
            Some(dec!(45))
        );
        // An annual figure, when entered, is the year's.
        d.realisasi
            .push(realisasi("REKOM", 2020, Periode::Tahunan, "86,90"));
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("REKOM").unwrap()).unwrap();
        assert_eq!(
            ix.realisasi_tahunan(ind, tahun(2020)).unwrap().asal,
            AsalRealisasi::Tahunan
        );
    }

    #[test]
    fn an_skm_indicator_takes_its_realisasi_from_the_survey() {
        let mut d = mumbulsari();
        d.realisasi
            .retain(|r| !(r.indikator.as_str() == "SKM" && r.tahun == tahun(2020)));
        let unsur = |nomor: u32, jumlah: Option<[u64; 4]>| UnsurSkm {
            nomor,
            nama: format!("Unsur {nomor}"),
            jumlah,
            distribusi: None,
        };
        // 9 unsur (PermenPANRB 14/2017), 4 respondents each. Unsur 1-8: answers 3,3,4,4 -> NRR
        // 14/4 = 3,5; unsur 9: 2,3,3,4 -> 12/4 = 3. IKM = (8 x 3,5 + 3) / 9 = 31/9 = 3,4444...;
        // NIK = IKM x 25 = 775/9 = 86,1111... -> capaian against "B (80 %)": 107,638...%.
        let mut u: Vec<UnsurSkm> = (1..=8).map(|n| unsur(n, Some([0, 0, 2, 2]))).collect();
        u.push(unsur(9, Some([0, 1, 2, 1])));
        d.skm.push(SurveiSkm {
            id: SurveiId::new("skm-2020").unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: tahun(2020),
            regime: "permenpanrb-14-2017".into(),
            indikator: Some(IndikatorId::new("SKM").unwrap()),
            responden: Some(4),
            unsur: u,
            catatan: None,
        });
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
        let r = ix.realisasi_tahunan(ind, tahun(2020)).unwrap();
        assert_eq!(r.nilai.teks(), "86,11");
        assert_eq!(
            bulatkan(r.nilai.angka_setara().unwrap(), 6),
            dec!(86.111111)
        );
        assert!(matches!(r.asal, AsalRealisasi::Skm { .. }));
        let t = ukur(&ix, tahun(2020));
        assert_eq!(
            bulatkan(t.baris[0].capaian.persen().unwrap(), 2),
            dec!(107.64)
        );
        // An unsur without answers: no realisasi rather than a wrong one.
        d.skm[0].unsur[8].jumlah = None;
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
        assert_eq!(ix.realisasi_tahunan(ind, tahun(2020)), None);
    }

    #[test]
    fn tingkat_kemajuan_against_the_last_renstra_year() {
        let d = mumbulsari();
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
        // End of Renstra 2021, target 85: 70,89 / 85 x 100 = 83,4000 %.
        let k = tingkat_kemajuan(&ix, ind, tahun(2020));
        assert_eq!(k.tahun_akhir, Some(tahun(2021)));
        assert_eq!(k.target_akhir.as_ref().map(|t| t.teks()), Some("85"));
        assert_eq!(bulatkan(k.kemajuan.persen().unwrap(), 2), dec!(83.40));
        // A stated end target wins: 70,89 / 100 = 70,89 %.
        let mut ind2 = ind.clone();
        ind2.target_akhir = Some(n("100"));
        let k = tingkat_kemajuan(&ix, &ind2, tahun(2020));
        assert_eq!(k.kemajuan.persen(), Some(dec!(70.89)));
    }

    #[test]
    fn riwayat_from_the_renstra_start() {
        let d = mumbulsari();
        let ix = Indeks::new(&d);
        let ind = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
        let r = riwayat(&ix, ind, tahun(2020));
        assert_eq!(r.first().unwrap().tahun, tahun(2016));
        assert_eq!(r.len(), 5);
        // 2016: no realisasi -> n/a, not 0.
        assert_eq!(r[0].capaian.persen(), None);
        // 2017: 75,79 against the Renstra's 85 = 89,1647...%.
        assert_eq!(bulatkan(r[1].capaian.persen().unwrap(), 2), dec!(89.16));
        // 2018 vs 2017: 79,92 - 75,79 = 4,13.
        assert_eq!(r[2].perubahan, Some(dec!(4.13)));
        // 2019 is missing, so 2020 has no change figure.
        assert_eq!(r[4].perubahan, None);
    }

    #[test]
    fn national_comparison_reads_polarity() {
        let mut d = mumbulsari();
        // The seed's Tabel 3.7 pairs: 95,79 vs national 94,40 (positive); TPT 4,21 vs 5,61
        // (negative).
        d.indikator
            .push(indikator("TPT", "S2", 3, Polaritas::Negatif));
        d.realisasi
            .push(realisasi("TPT", 2020, Periode::Tahunan, "4,21"));
        d.realisasi.retain(|r| r.indikator.as_str() != "DESA");
        d.realisasi
            .push(realisasi("DESA", 2020, Periode::Tahunan, "95,79"));
        for (i, v) in [("DESA", "94,40"), ("TPT", "5,61")] {
            d.pembanding.push(Pembanding {
                indikator: IndikatorId::new(i).unwrap(),
                tahun: tahun(2020),
                lingkup: "nasional".into(),
                nilai: n(v),
                sumber: Some("BPS".into()),
                catatan: None,
            });
        }
        let ix = Indeks::new(&d);
        let desa = ix.indikator(&IndikatorId::new("DESA").unwrap()).unwrap();
        let b = bandingkan(&ix, desa, tahun(2020), "nasional");
        // 95,79 - 94,40 = 1,39, better.
        assert_eq!(b.selisih, Some(dec!(1.39)));
        assert_eq!(b.lebih_baik, Some(true));
        let tpt = ix.indikator(&IndikatorId::new("TPT").unwrap()).unwrap();
        let b = bandingkan(&ix, tpt, tahun(2020), "nasional");
        // 4,21 - 5,61 = -1,40: lower unemployment is better.
        assert_eq!(b.selisih, Some(dec!(-1.40)));
        assert_eq!(b.lebih_baik, Some(true));
        // No national figure: nothing to compare, not zero.
        let skm = ix.indikator(&IndikatorId::new("SKM").unwrap()).unwrap();
        let b = bandingkan(&ix, skm, tahun(2020), "nasional");
        assert_eq!((b.pembanding, b.selisih, b.lebih_baik), (None, None, None));
    }
}
