//! The pemda's pohon kinerja of a year, read-only. The data set comes through
//! `baca::data_terlihat`, so a caller without the right to unpublished years sees the tree only
//! once the pemda's year is published (`terbit::untuk_publik` drops it until then).

use super::bersama::{Hasil, html, konteks_dasar};
use crate::Negara;
use crate::akun::Sesi;
use crate::galat::GalatHttp;
use crate::jalur;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use kinerja_tampilan as t;

pub(super) async fn pohon(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): Path<(String, String)>,
) -> Hasil {
    let id = jalur::instansi(&id)?;
    let tahun = jalur::tahun(&th)?;
    let d = crate::baca::data_terlihat(&n, &sesi, &id).await?;
    let Some(p) = kinerja_core::pohon::pohon_tahun(&d, tahun) else {
        return Err(GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "pohon_tidak_ada",
            format!("pohon kinerja \"{id}\" tahun {tahun} tidak ada atau belum terbit"),
        ));
    };
    let nama = d
        .instansi
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.nama.clone())
        .unwrap_or_else(|| id.to_string());
    let mut k = konteks_dasar(&sesi);
    k.tahun = Some(tahun.get());
    k.kabupaten = Some((id.to_string(), nama));
    Ok(html(t::pohon(&k, &d, p)))
}
