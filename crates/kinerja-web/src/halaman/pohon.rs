//! The pemda's pohon kinerja of a year, read-only: the whole tree, one OPD's part of it
//! (`?opd=ID`) or one node (`?simpul=ID`), each node measured from its owner's data set
//! (`kinerja_core::pohon::ukur`). Every data set comes through `baca::data_terlihat`, so a
//! caller without the right to unpublished years sees the tree only once the pemda's year is
//! published (`terbit::untuk_publik` drops it until then), and an OPD's capaian only from its
//! published years.

use super::bersama::{Hasil, html, konteks_dasar};
use crate::Negara;
use crate::akun::Sesi;
use crate::galat::GalatHttp;
use crate::jalur;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use kinerja_core::id::{InstansiId, PohonId, SimpulId};
use kinerja_core::model::DataInstansi;
use kinerja_tampilan as t;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
pub(super) struct KueriPohon {
    opd: Option<String>,
    simpul: Option<String>,
}

/// The stored data sets of the tree's node owners other than the pemda, each as the caller may
/// see it.
pub(super) async fn data_pemilik(
    n: &Negara,
    sesi: &Sesi,
    pemda: &DataInstansi,
    pohon: &PohonId,
) -> Result<Vec<Arc<DataInstansi>>, GalatHttp> {
    let ph = pemda.pohon.iter().find(|p| &p.id == pohon);
    let mut pemilik: Vec<&InstansiId> = pemda
        .simpul
        .iter()
        .filter(|s| &s.pohon == pohon)
        .filter_map(|s| s.pemilik.as_ref().map(|m| &m.instansi))
        .filter(|i| Some(*i) != ph.map(|p| &p.instansi))
        .collect();
    pemilik.sort();
    pemilik.dedup();
    let pelapor = n.toko.daftar_pelapor().await?;
    let mut v = Vec::new();
    for i in pemilik {
        if pelapor.contains(i) {
            v.push(crate::baca::data_terlihat(n, sesi, i).await?);
        }
    }
    Ok(v)
}

fn tidak_ada(pesan: String) -> GalatHttp {
    GalatHttp::baru(StatusCode::NOT_FOUND, "pohon_tidak_ada", pesan)
}

pub(super) async fn pohon(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): Path<(String, String)>,
    q: Result<Query<KueriPohon>, QueryRejection>,
) -> Hasil {
    let id = jalur::instansi(&id)?;
    let tahun = jalur::tahun(&th)?;
    let d = crate::baca::data_terlihat(&n, &sesi, &id).await?;
    let Some(p) = kinerja_core::pohon::pohon_tahun(&d, tahun) else {
        return Err(tidak_ada(format!(
            "pohon kinerja \"{id}\" tahun {tahun} tidak ada atau belum terbit"
        )));
    };
    // A malformed query is the whole tree; a well-formed id that names nothing is a 404.
    let q = q.map(|q| q.0).unwrap_or(KueriPohon {
        opd: None,
        simpul: None,
    });
    let fokus = match (q.simpul.as_deref(), q.opd.as_deref()) {
        (Some(s), _) => t::FokusPohon::Simpul(
            SimpulId::new(s).map_err(|_| tidak_ada(format!("simpul \"{s}\" tidak ada")))?,
        ),
        (None, Some(o)) => t::FokusPohon::Opd(jalur::instansi(o)?),
        (None, None) => t::FokusPohon::Semua,
    };
    let opd = data_pemilik(&n, &sesi, &d, &p.id).await?;
    let opd: Vec<&DataInstansi> = opd.iter().map(|x| &**x).collect();
    let u = kinerja_core::pohon::ukur::ukur(&d, &p.id, &opd);
    let nama = d
        .instansi
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.nama.clone())
        .unwrap_or_else(|| id.to_string());
    let mut k = konteks_dasar(&sesi);
    k.tahun = Some(tahun.get());
    k.kabupaten = Some((id.to_string(), nama));
    let dasar = format!("/kabupaten/{id}/tahun/{}/pohon", tahun.get());
    match t::pohon(&k, &dasar, &d, p, &u, &fokus) {
        Some(h) => Ok(html(h)),
        None => Err(tidak_ada(match fokus {
            t::FokusPohon::Opd(o) => format!("\"{o}\" tidak memiliki simpul pada pohon ini"),
            t::FokusPohon::Simpul(s) => format!("simpul \"{s}\" tidak ada pada pohon ini"),
            t::FokusPohon::Semua => "pohon tidak ada".into(),
        })),
    }
}
