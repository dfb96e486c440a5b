//! The formula indicators' side of the measurement (their data elements, their realisasi and
//! why it is not available) and the progress from the baseline.

use super::{Indeks, RealisasiTahunan};
use crate::capaian::{self, Capaian};
use crate::id::*;
use crate::model::*;
use crate::nilai::Nilai;
use crate::waktu::{Periode, Tahun};
use rust_decimal::Decimal;

impl<'a> Indeks<'a> {
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
