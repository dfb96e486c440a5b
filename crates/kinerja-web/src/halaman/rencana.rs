//! Reading pages: the landing page, and one instansi's dashboard, plan tree, PK and IKU.

use super::bersama::{
    Hasil, JalurTahun, KueriPesan, html, konteks_dasar, pesan_sukses, siapkan, waktu_wib,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use kinerja_core::cakupan;
use kinerja_tampilan as t;

/// Every reporting instansi with the years the caller may open.
/// The user guide: the same for everyone, in the visitor's frame.
pub(super) async fn panduan(sesi: Sesi) -> Hasil {
    Ok(html(t::panduan(&konteks_dasar(&sesi))))
}

/// A screenshot of the guide (`NAME.png`), from the binary; the same for everyone.
pub(super) async fn gambar_panduan(Path(nama): Path<String>) -> Hasil {
    let g = nama
        .strip_suffix(".png")
        .and_then(t::panduan::gambar)
        .ok_or_else(crate::galat::GalatHttp::tidak_ada)?;
    Ok((
        [
            (CONTENT_TYPE, "image/png"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        g.png,
    )
        .into_response())
}

pub(super) async fn beranda(State(n): State<Negara>, sesi: Sesi) -> Hasil {
    let semua = n.toko.daftar_instansi().await?;
    let pelapor = n.toko.daftar_pelapor().await?;
    let terbit_semua = n.toko.semua_terbit().await?;
    let mut daftar = Vec::new();
    for p in &pelapor {
        let Some(i) = semua.iter().find(|i| &i.id == p) else {
            continue;
        };
        let d = crate::baca::data_terlihat(&n, &sesi, p).await?;
        let tahun = cakupan::tahun(&d)
            .into_iter()
            .filter(|th| {
                boleh(
                    sesi.0.as_ref(),
                    Tindakan::Lihat,
                    p,
                    terbit_semua.contains(&(p.clone(), *th)),
                )
            })
            .map(|th| th.get())
            .collect();
        daftar.push(t::BarisBeranda {
            id: p.to_string(),
            nama: i.nama.clone(),
            jenis: i.jenis,
            tahun,
            induk: i
                .induk
                .as_ref()
                .and_then(|x| semua.iter().find(|j| &j.id == x))
                .map(|j| j.nama.clone()),
        });
    }
    let mut k = konteks_dasar(&sesi);
    k.instansi = daftar
        .iter()
        .map(|b| (b.id.clone(), b.nama.clone()))
        .collect();
    Ok(html(t::beranda(&k, &daftar)))
}

pub(super) async fn dasbor(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let catatan = t::PanelCatatan {
        catatan: n
            .toko
            .catatan_reviu(&l.id, l.tahun)
            .await?
            .into_iter()
            .map(|c| t::CatatanTampil {
                pengguna: c.pengguna,
                waktu: waktu_wib(c.waktu),
                isi: c.isi,
            })
            .collect(),
        boleh_tulis: boleh(sesi.0.as_ref(), Tindakan::Catat, &l.id, l.terbit),
        reviu: None,
    };
    // The reviu's open findings: computed only on a render (the answer cache keeps the page).
    let lihat_reviu = boleh(sesi.0.as_ref(), Tindakan::LihatReviu, &l.id, l.terbit);
    let catatan = t::PanelCatatan {
        reviu: lihat_reviu
            .then(|| t::RingkasanReviu::dari(&crate::laporan::temuan(&l.data, l.tahun))),
        ..catatan
    };
    let riwayat = super::reorganisasi::tren(&n, &sesi, &l.id, &l.data, l.tahun).await?;
    Ok(html(t::dasbor_reorganisasi(
        &l.k, &l.data, l.tahun, &catatan, &riwayat,
    )))
}

pub(super) async fn rencana(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    Ok(html(t::rencana(
        &l.k,
        &l.data,
        l.tahun,
        super::bersama::izin(&sesi, &l).ubah,
    )))
}

/// `?versi=ID`: an earlier version of the year's PK (a PK perubahan replaced it).
#[derive(serde::Deserialize, Default)]
pub(super) struct KueriPk {
    versi: Option<String>,
}

pub(super) async fn pk(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPk>, QueryRejection>,
    qp: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let q = q.map(|q| q.0).unwrap_or_default();
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &qp.map(|q| q.0).unwrap_or_default());
    let izin = super::bersama::izin(&sesi, &l);
    Ok(html(t::perjanjian_kinerja(
        &l.k,
        &l.data,
        l.tahun,
        q.versi.as_deref(),
        &izin,
    )))
}

pub(super) async fn iku(State(n): State<Negara>, sesi: Sesi, Path((id, th)): JalurTahun) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    let ubah = super::bersama::izin(&sesi, &l).ubah;
    Ok(html(t::iku(&l.k, &l.data, l.tahun, ubah)))
}
