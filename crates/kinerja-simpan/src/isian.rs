//! Entry through the web forms and the API: indicators' realisasi (set or withdrawn), budget
//! lines' realisasi, the report's narrative and a reviewer's acceptance of a reviu finding,
//! each a change handed to `Toko::terapkan`.

use crate::impor::gabung;
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Pelaku, Ringkasan, Toko};
use kinerja_core::id::{IndikatorId, InstansiId, PosAnggaranId};
use kinerja_core::model::{Laporan, PenerimaanTemuan, PosAnggaran, Realisasi, SurveiSkm};
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Periode, Tahun};
use serde::Serialize;
use std::collections::BTreeMap;

/// Records of `tabel`, each keyed as the store keys it.
fn jadi_rekaman<T: Serialize>(tabel: &str, isi: &[T]) -> Vec<Rekaman> {
    isi.iter()
        .map(|r| {
            let isi = serde_json::to_value(r).expect("serializable");
            Rekaman {
                tabel: tabel.into(),
                kunci: rekaman::kunci(tabel, &isi),
                isi,
            }
        })
        .collect()
}

impl Toko {
    /// Writes whole records of `tabel`, each replacing the stored one with its key or added at
    /// the end of the table. A data set that does not exist is not created here.
    async fn simpan_rekaman<T: Serialize>(
        &self,
        pelapor: &InstansiId,
        tabel: &str,
        isi: &[T],
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        let baru = jadi_rekaman(tabel, isi);
        self.terapkan(pelapor, pelaku, |lama| {
            if lama.is_empty() {
                return Err(Galat::TidakAda(pelapor.to_string()));
            }
            Ok(gabung(lama, baru))
        })
        .await
    }

    /// Writes realisasi (upsert by indicator, year and period).
    pub async fn simpan_realisasi(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<Realisasi>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.simpan_rekaman(pelapor, "realisasi", &realisasi, pelaku)
            .await
    }

    /// Writes realisasi and data element values (upsert by their keys) in one write: the
    /// realisasi form posts both, and a formula indicator's computed realisasi must not be seen
    /// half-saved.
    pub async fn simpan_realisasi_dan_data(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<Realisasi>,
        nilai_data: Vec<kinerja_core::model::NilaiData>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        let mut baru = jadi_rekaman("realisasi", &realisasi);
        baru.extend(jadi_rekaman("nilai_data", &nilai_data));
        self.terapkan(pelapor, pelaku, |lama| {
            if lama.is_empty() {
                return Err(Galat::TidakAda(pelapor.to_string()));
            }
            Ok(gabung(lama, baru))
        })
        .await
    }

    /// Withdraws realisasi: each named value is removed, its old value kept in the audit trail
    /// (`hapus`). An approved period refuses it like any other change; a value that is not
    /// there is no change.
    pub async fn hapus_realisasi(
        &self,
        pelapor: &InstansiId,
        hapus: &[(IndikatorId, Tahun, Periode)],
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        let kunci: Vec<String> = hapus
            .iter()
            .map(|(i, t, p)| {
                let isi = serde_json::json!({"indikator": i, "tahun": t, "periode": p});
                rekaman::kunci("realisasi", &isi)
            })
            .collect();
        self.terapkan(pelapor, pelaku, |mut lama| {
            if lama.is_empty() {
                return Err(Galat::TidakAda(pelapor.to_string()));
            }
            lama.retain(|r| !(r.tabel == "realisasi" && kunci.contains(&r.kunci)));
            Ok(lama)
        })
        .await
    }

    /// Writes the Laporan Kinerja of a year (its narrative), replacing the stored one with the
    /// same id.
    pub async fn simpan_laporan(
        &self,
        pelapor: &InstansiId,
        laporan: Laporan,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.simpan_rekaman(pelapor, "laporan", &[laporan], pelaku)
            .await
    }

    /// Writes a satisfaction survey (`[[skm]]`), replacing the stored one with the same id; a
    /// survey naming an indicator is that indicator's realisasi unless one is typed.
    pub async fn simpan_survei(
        &self,
        pelapor: &InstansiId,
        survei: SurveiSkm,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.simpan_rekaman(pelapor, "skm", &[survei], pelaku).await
    }

    /// Records a reviewer's acceptance of a reviu finding (`[[reviu]]`), replacing an earlier
    /// acceptance of the same finding.
    pub async fn terima_temuan(
        &self,
        pelapor: &InstansiId,
        penerimaan: PenerimaanTemuan,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.simpan_rekaman(pelapor, "reviu", &[penerimaan], pelaku)
            .await
    }

    /// Sets the realisasi of budget lines (`None`: not reported yet). Lines are named by id;
    /// an unknown id is refused.
    pub async fn simpan_realisasi_anggaran(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<(PosAnggaranId, Option<Rupiah>)>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.ubah_pos(pelapor, pelaku, realisasi, |pos, nilai| {
            pos.realisasi = nilai
        })
        .await
    }

    /// Sets the monthly realisasi of one budget line, the months as given (a month left out is
    /// not reported). The year's figure is then the sum of the months, so a figure typed for the
    /// year is removed; with no month left the line is not reported at all.
    pub async fn simpan_realisasi_bulanan(
        &self,
        pelapor: &InstansiId,
        pos: PosAnggaranId,
        bulanan: BTreeMap<Bulan, Rupiah>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.ubah_pos(pelapor, pelaku, vec![(pos, bulanan)], |pos, bulanan| {
            pos.realisasi = None;
            pos.realisasi_bulanan = bulanan;
        })
        .await
    }

    /// Changes budget lines named by id with `atur`, through the one write path.
    async fn ubah_pos<T: Send>(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        isian: Vec<(PosAnggaranId, T)>,
        atur: impl Fn(&mut PosAnggaran, T) + Send,
    ) -> Result<Ringkasan, Galat> {
        self.terapkan(pelapor, pelaku, |mut lama| {
            for (id, nilai) in isian {
                let r = lama
                    .iter_mut()
                    .find(|r| r.tabel == "anggaran" && r.kunci == id.as_str())
                    .ok_or_else(|| Galat::TidakAda(format!("{pelapor}/anggaran/{id}")))?;
                let mut pos: PosAnggaran = serde_json::from_value(r.isi.clone())
                    .map_err(|e| Galat::Rusak(e.to_string()))?;
                atur(&mut pos, nilai);
                r.isi = serde_json::to_value(&pos).expect("serializable");
            }
            Ok(lama)
        })
        .await
    }
}

#[cfg(test)]
mod tests;
