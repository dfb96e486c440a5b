//! The audit trail of a data set, or of one record or key prefix, newest first.

use super::bersama::{
    Hasil, dilarang, html, kabupaten_di_atas, konteks_dasar, tahun_pilihan, waktu_wib,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::jalur;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use kinerja_core::id::InstansiId;
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
    let id = jalur::instansi(&id)?;
    if !boleh(sesi.0.as_ref(), Tindakan::LihatJejak, &id, false) {
        return Err(dilarang(&sesi));
    }
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
    let mut k = konteks_dasar(&sesi);
    k.instansi_aktif = Some(id.to_string());
    let semua = n.toko.daftar_instansi().await?;
    let nama_dari = |x: &InstansiId| {
        semua
            .iter()
            .find(|i| &i.id == x)
            .map(|i| i.nama.clone())
            .unwrap_or_else(|| x.to_string())
    };
    k.instansi = n
        .toko
        .daftar_pelapor()
        .await?
        .iter()
        .map(|p| (p.to_string(), nama_dari(p)))
        .collect();
    if let Ok(d) = crate::baca::data_terlihat(&n, &sesi, &id).await {
        k.tahun_pilihan = tahun_pilihan(&d);
        k.tahun = k.tahun_pilihan.last().copied();
        k.kabupaten = kabupaten_di_atas(&d, &id);
    }
    let nama = nama_dari(&id);
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
