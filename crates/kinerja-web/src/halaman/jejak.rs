//! The audit trail of a data set, or of one record or key prefix, newest first.

use super::bersama::{Hasil, html, siapkan_instansi, waktu_wib};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use kinerja_tampilan as t;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub(super) struct KueriJejak {
    tabel: Option<String>,
    kunci: Option<String>,
    awalan: Option<String>,
}

/// The audit trail of a data set, or of one record (`?tabel=realisasi&kunci=I-S1-1|2020|tw1`).
pub(super) async fn jejak(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    q: Result<Query<KueriJejak>, QueryRejection>,
) -> Hasil {
    let l = siapkan_instansi(&n, &sesi, &id, Tindakan::LihatJejak).await?;
    let (k, id, nama) = (l.k, l.id, l.nama);
    let q = q.map(|q| q.0).unwrap_or_default();
    let tabel = q.tabel.filter(|s| !s.is_empty());
    let kunci = q.kunci.filter(|s| !s.is_empty());
    let awalan = q.awalan.filter(|s| !s.is_empty());
    let baris = n
        .toko
        .jejak_saring(
            &id,
            tabel.as_deref(),
            kunci.as_deref(),
            awalan.as_deref(),
            500,
        )
        .await?;
    let tampil: Vec<t::JejakTampil> = baris
        .iter()
        .map(|j| t::JejakTampil {
            waktu: waktu_wib(j.waktu),
            pengguna: j.pengguna.clone(),
            tabel: j.tabel.clone(),
            kunci: j.kunci.clone(),
            aksi: j.aksi.clone(),
            lama: j.lama.as_ref().map(|v| v.to_string()),
            baru: j.baru.as_ref().map(|v| v.to_string()),
        })
        .collect();
    let judul = match (&tabel, kunci.as_ref().or(awalan.as_ref())) {
        (Some(t), Some(k)) => format!("Jejak audit {nama}: {t} {}", k.trim_end_matches('|')),
        (Some(t), None) => format!("Jejak audit {nama}: {t}"),
        _ => format!("Jejak audit {nama}"),
    };
    Ok(html(t::jejak(&k, &judul, &tampil)))
}
