//! Loading a data set, and the copies kept in memory: a copy is served while the data set's
//! version (`versi_data`, bumped in every transaction that writes the data set) is the one it
//! was loaded at.

use crate::basis::P;
use crate::{Galat, Toko, generasi, rekaman, tulis};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use std::sync::Arc;

impl Toko {
    /// The data set of one reporting instansi, as a file would hold it.
    pub async fn muat(&self, pelapor: &InstansiId) -> Result<DataInstansi, Galat> {
        Ok((*self.muat_bersama(pelapor).await?).clone())
    }

    /// The data set, shared: from memory while its version is unchanged, else from the tables.
    pub async fn muat_bersama(&self, pelapor: &InstansiId) -> Result<Arc<DataInstansi>, Galat> {
        generasi::dalam_data(pelapor.as_str(), self.muat_bersama_dalam(pelapor)).await
    }

    async fn muat_bersama_dalam(&self, pelapor: &InstansiId) -> Result<Arc<DataInstansi>, Galat> {
        // The version as read after this call began, shared with concurrent callers.
        let versi = match self.generasi_kini().await?.data.get(pelapor.as_str()) {
            Some(v) => *v,
            None => return Err(Galat::TidakAda(pelapor.to_string())),
        };
        if let Some((v, d)) = self
            .simpanan
            .lock()
            .expect("not poisoned")
            .get(pelapor.as_str())
            && *v == versi
        {
            return Ok(d.clone());
        }
        let mut tx = self.kolam.mulai().await?;
        let b = tx
            .ambil(
                "SELECT versi FROM versi_data WHERE pelapor = $1",
                vec![P::from(pelapor.as_str())],
            )
            .await?;
        let versi = b.first().map(|r| r.int(0)).transpose()?.unwrap_or(0);
        let r = tulis::muat_rekaman(&mut tx, pelapor.as_str()).await?;
        tx.selesai().await?;
        if r.is_empty() {
            return Err(Galat::TidakAda(pelapor.to_string()));
        }
        let d = Arc::new(rekaman::rakit(r).map_err(|e| Galat::Rusak(e.to_string()))?);
        self.simpan_salinan(pelapor, versi, d.clone());
        Ok(d)
    }

    /// Keeps `d` as the copy of version `versi`, unless a newer one is already kept (a slow
    /// reader must not replace a writer's fresher copy).
    pub(crate) fn simpan_salinan(&self, pelapor: &InstansiId, versi: i64, d: Arc<DataInstansi>) {
        let mut m = self.simpanan.lock().expect("not poisoned");
        match m.get(pelapor.as_str()) {
            Some((v, _)) if *v > versi => {}
            _ => {
                m.insert(pelapor.to_string(), (versi, d));
            }
        }
    }
}
