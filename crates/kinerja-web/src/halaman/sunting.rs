//! The plan editors: the Renstra (`/rencana/ubah`, a removal confirmed at `/rencana/hapus`),
//! the Perjanjian Kinerja (`/pk/ubah`, its signature `/pk/tandatangani`), the IKU (`/iku/ubah`)
//! and the RKT of a year (`/rkt/ubah`). The Renstra editor: the instansi's operator (and the admin) edits the Renstra
//! row by row. A posted form is read and applied by `kinerja_tampilan::ubah_rencana` inside the
//! store's one write path (`Toko::ubah_data`: the stored data set, whole-data validation, one
//! audit row per changed record); a refusal shows the page again with what was typed.

use super::bersama::{Hasil, JalurTahun, KueriPesan, html, kiriman, pelaku_web, pesan_sukses};
use super::bersama::{izin, ke, medan, setelah_ubah, siapkan};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use kinerja_simpan::GagalUbah;
use kinerja_tampilan as t;

pub(super) async fn rencana_ubah(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    Ok(html(t::sunting_rencana(&l.k, &l.data, l.tahun, &[], &[])))
}

pub(super) async fn rencana_ubah_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let (pelapor, tahun) = (l.id.clone(), l.tahun);
    let hapus = isian.iter().any(|(k, v)| k == "aksi" && v == "hapus");
    // A removal is confirmed on its own page first (what goes with the row, or why it cannot).
    if hapus && medan(&isian, "konfirmasi") != "1" {
        let enc = |k: &str| -> String {
            form_urlencoded::byte_serialize(medan(&isian, k).as_bytes()).collect()
        };
        return Ok(ke(&format!(
            "/instansi/{}/tahun/{}/rencana/hapus?jenis={}&id={}",
            l.id,
            l.tahun,
            enc("jenis"),
            enc("id")
        )));
    }
    let hasil = n
        .toko
        .ubah_data(&pelapor, &pelaku_web(&sesi), |d| {
            t::ubah_rencana(d, &pelapor, tahun, &isian)
        })
        .await;
    if let (true, Ok(r)) = (hapus, &hasil) {
        return Ok(ke(&format!(
            "/instansi/{}/tahun/{}/rencana/ubah?dihapus={}",
            l.id, l.tahun, r.dihapus
        )));
    }
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, "rencana/ubah")? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    // The page shows the data as stored now, the posted form as typed.
    let body = t::sunting_rencana(&l.k, &l.data, l.tahun, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

/// `?jenis=&id=`: the row of the plan to remove.
#[derive(serde::Deserialize, Default)]
pub(super) struct KueriHapus {
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    id: String,
}

/// "Hapus X?": the confirmation before a row of the plan is removed.
pub(super) async fn rencana_hapus(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriHapus>, QueryRejection>,
) -> Hasil {
    let q = q.map(|q| q.0).unwrap_or_default();
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    Ok(html(t::konfirmasi_hapus(
        &l.k, &l.data, l.tahun, &q.jenis, &q.id,
    )))
}

/// The Perjanjian Kinerja editor of the year: the PK in force, or the button that makes a PK
/// perubahan of a signed one.
pub(super) async fn pk_ubah(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let tanda = izin(&sesi, &l).setujui;
    Ok(html(t::sunting_pk(&l.k, &l.data, l.tahun, tanda, &[], &[])))
}

pub(super) async fn pk_ubah_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let (pelapor, tahun) = (l.id.clone(), l.tahun);
    let hasil = n
        .toko
        .ubah_data(&pelapor, &pelaku_web(&sesi), |d| {
            t::ubah_pk(d, &pelapor, tahun, &isian)
        })
        .await;
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, "pk/ubah")? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    let tanda = izin(&sesi, &l).setujui;
    let body = t::sunting_pk(&l.k, &l.data, l.tahun, tanda, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

/// The pimpinan (or the admin) records that the PK in force was signed: it is locked from now.
pub(super) async fn pk_tandatangani(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (_, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Setujui).await?;
    let (pelapor, tahun) = (l.id.clone(), l.tahun);
    let hasil = n
        .toko
        .ubah_data(&pelapor, &pelaku_web(&sesi), |d| {
            t::tandatangani_pk(d, &pelapor, tahun)
        })
        .await;
    match hasil {
        Ok(_) => Ok(ke(&format!(
            "/instansi/{}/tahun/{}/pk?disimpan=1",
            l.id, l.tahun
        ))),
        Err(GagalUbah::Ditolak(pesan)) => Err(GalatHttp::baru(
            StatusCode::CONFLICT,
            "pk_tidak_dapat_ditandatangani",
            pesan,
        )),
        Err(GagalUbah::Toko(g)) => Err(g.into()),
    }
}

/// The IKU editor: the decree in force (or a new one).
pub(super) async fn iku_ubah(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    Ok(html(t::sunting_iku(&l.k, &l.data, l.tahun, &[], &[])))
}

pub(super) async fn iku_ubah_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let pelapor = l.id.clone();
    let hasil = n
        .toko
        .ubah_data(&pelapor, &pelaku_web(&sesi), |d| {
            t::ubah_iku(d, &pelapor, &isian)
        })
        .await;
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, "iku/ubah")? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    let body = t::sunting_iku(&l.k, &l.data, l.tahun, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

/// The RKT editor of the year: targets, programs, kegiatan and their budget.
pub(super) async fn rkt_ubah(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    Ok(html(t::sunting_rkt(&l.k, &l.data, l.tahun, &[], &[])))
}

pub(super) async fn rkt_ubah_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let (pelapor, tahun) = (l.id.clone(), l.tahun);
    let hasil = n
        .toko
        .ubah_data(&pelapor, &pelaku_web(&sesi), |d| {
            t::ubah_rkt(d, &pelapor, tahun, &isian)
        })
        .await;
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, "rkt/ubah")? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    let body = t::sunting_rkt(&l.k, &l.data, l.tahun, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}
