//! A reorganised trend on the dashboard. A reorganisation is read from the data set of the
//! instansi it formed (`[[reorganisasi]]` with that instansi among the successors), so the
//! dashboard of an instansi no reorganisation formed reads nothing more; the predecessors'
//! data sets are read through `baca::data_terlihat`, so the public sees a predecessor's year
//! only once that predecessor published it.

use crate::Negara;
use crate::akun::Sesi;
use crate::galat::GalatHttp;
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Pemilik};
use kinerja_core::reorganisasi::{pembentukan, pendahulu_semua, riwayat_indikator, tahun_riwayat};
use kinerja_core::waktu::Tahun;
use kinerja_tampilan as t;
use std::collections::HashMap;
use std::sync::Arc;

/// The trend of `id`'s sasaran indicators up to `tahun` across the reorganisation that formed
/// it (empty when none did): each year by `riwayat_indikator` over the data sets of it and its
/// predecessors that the caller may see.
pub(super) async fn tren(
    n: &Negara,
    sesi: &Sesi,
    id: &InstansiId,
    data: &Arc<DataInstansi>,
    tahun: Tahun,
) -> Result<t::TrenReorganisasi, GalatHttp> {
    let reorg = &data.reorganisasi;
    let Some(r) = pembentukan(reorg, id) else {
        return Ok(t::TrenReorganisasi::default());
    };
    let asal = pendahulu_semua(reorg, id);
    let mut set: HashMap<InstansiId, Arc<DataInstansi>> = crate::baca::pendahulu(n, sesi, id, data)
        .await?
        .into_iter()
        .collect();
    set.insert(id.clone(), data.clone());
    let ambil = |i: &InstansiId| set.get(i).map(|d| &**d);
    let tahun_v = tahun_riwayat(reorg, id, tahun, ambil);
    let indikator = data
        .indikator
        .iter()
        .filter(|i| matches!(i.pemilik, Pemilik::Sasaran(_)))
        .map(|i| t::RiwayatIndikator {
            uraian: i.uraian.clone(),
            satuan: i.satuan.clone(),
            titik: riwayat_indikator(reorg, id, i.id.as_str(), &tahun_v, ambil),
        })
        .collect();
    // Validation makes the data set list every instansi its records name.
    let nama = data
        .instansi
        .iter()
        .filter(|i| asal.contains(&i.id))
        .map(|i| (i.id.clone(), i.nama.clone()))
        .collect();
    Ok(t::TrenReorganisasi {
        pembentukan: Some(r.clone()),
        nama,
        indikator,
    })
}
