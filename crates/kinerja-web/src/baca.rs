//! The one place a request gets an instansi's data set. A caller who may not read the
//! instansi's unpublished years gets `kinerja_core::terbit::untuk_publik` of it: every page, API
//! answer, chart, trend table and roll-up is computed from what this returns, so a new page
//! cannot show a figure of an unpublished year by forgetting a check.

use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::terbit;
use kinerja_core::waktu::Tahun;
use std::sync::Arc;

pub(crate) async fn data_terlihat(
    n: &Negara,
    sesi: &Sesi,
    id: &InstansiId,
) -> Result<Arc<DataInstansi>, GalatHttp> {
    let d = n.toko.muat_bersama(id).await?;
    // `terbit = false`: may this caller read the years nobody has published yet?
    if boleh(sesi.0.as_ref(), Tindakan::Lihat, id, false) {
        return Ok(d);
    }
    let tahun: Vec<Tahun> = n.toko.tahun_terbit(id).await?;
    Ok(Arc::new(terbit::untuk_publik(&d, &tahun)))
}

/// The stored data sets of `id`'s predecessors (`data` is its data set) when a reorganisation
/// formed it, back along every chain (`reorganisasi::pendahulu`), each as the caller may
/// see it (`data_terlihat`): what a reorganised trend and a report's earlier years read. A
/// predecessor with no data set in the store is left out (the figures name it as absent).
pub(crate) async fn pendahulu(
    n: &Negara,
    sesi: &Sesi,
    id: &InstansiId,
    data: &DataInstansi,
) -> Result<Vec<(InstansiId, Arc<DataInstansi>)>, GalatHttp> {
    let asal = kinerja_core::reorganisasi::pendahulu(&data.reorganisasi, id);
    if asal.is_empty() {
        return Ok(Vec::new());
    }
    let pelapor = n.toko.daftar_pelapor().await?;
    let mut v = Vec::new();
    for p in asal {
        if pelapor.contains(&p) {
            let d = data_terlihat(n, sesi, &p).await?;
            v.push((p, d));
        }
    }
    Ok(v)
}
