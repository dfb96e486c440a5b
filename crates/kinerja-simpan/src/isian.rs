//! Entry of realisasi, the doors of the web forms and the API: indicators' realisasi and budget
//! lines' realisasi, each a change handed to `Toko::terapkan`.

use crate::impor::gabung;
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Pelaku, Ringkasan, Toko};
use kinerja_core::id::{InstansiId, PosAnggaranId};
use kinerja_core::model::{PosAnggaran, Realisasi};
use kinerja_core::uang::Rupiah;

impl Toko {
    /// Writes realisasi (upsert by indicator, year and period).
    pub async fn simpan_realisasi(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<Realisasi>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        let baru: Vec<Rekaman> = realisasi
            .iter()
            .map(|r| {
                let isi = serde_json::to_value(r).expect("serializable");
                Rekaman {
                    tabel: "realisasi".into(),
                    kunci: rekaman::kunci("realisasi", &isi),
                    isi,
                }
            })
            .collect();
        self.terapkan(pelapor, pelaku, |lama| {
            if lama.is_empty() {
                return Err(Galat::TidakAda(pelapor.to_string()));
            }
            Ok(gabung(lama, baru))
        })
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
        self.terapkan(pelapor, pelaku, |mut lama| {
            for (id, nilai) in realisasi {
                let r = lama
                    .iter_mut()
                    .find(|r| r.tabel == "anggaran" && r.kunci == id.as_str())
                    .ok_or_else(|| Galat::TidakAda(format!("{pelapor}/anggaran/{id}")))?;
                let mut pos: PosAnggaran = serde_json::from_value(r.isi.clone())
                    .map_err(|e| Galat::Rusak(e.to_string()))?;
                pos.realisasi = nilai;
                r.isi = serde_json::to_value(&pos).expect("serializable");
            }
            Ok(lama)
        })
        .await
    }
}
